// Volunteers: search, list (live), one person's messages and interests, merging duplicates, CSV.
(() => {
  const { api, el, sentiment, messageItem, when, debounce, me } = Dashboard;
  const rows = document.querySelector('#volunteers tbody');
  const detail = document.getElementById('detail');
  const search = document.getElementById('search');
  let selected = Number(location.hash.slice(1)) || null;

  function row(volunteer) {
    const last = volunteer.lastMessage;
    const mood = sentiment(last && last.sentiment);
    return el('tr', { 'data-volunteer-id': volunteer.id, class: volunteer.id === selected ? 'selected' : '',
        onclick: () => select(volunteer.id) },
      el('td', null, el('strong', null, volunteer.name || '(no name)'),
          el('div', { class: 'muted' }, 'since ' + when(volunteer.firstSeenAt))),
      el('td', null, volunteer.interests),
      el('td', { class: 'last-message ' + mood, 'data-sentiment': mood },
          last ? last.text : '', el('div', { class: 'muted' }, last ? when(last.createdAt) : '')));
  }

  async function loadList() {
    const q = search.value.trim();
    const page = await api('/api/volunteers?limit=200&q=' + encodeURIComponent(q));
    document.getElementById('total').textContent = page.total + ' volunteers';
    document.getElementById('export').href = '/api/volunteers/export.csv?q=' + encodeURIComponent(q);
    rows.replaceChildren(...page.items.map(row));
  }

  async function select(id) {
    selected = id;
    history.replaceState(null, '', '#' + id);
    rows.querySelectorAll('tr').forEach(tr => tr.classList.toggle('selected', Number(tr.dataset.volunteerId) === id));
    const data = await api('/api/volunteers/' + id);
    const v = data.volunteer;
    const canWrite = me().role !== 'viewer';
    const merge = el('form', { id: 'merge', class: 'toolbar', onsubmit: async event => {
      event.preventDefault();
      const duplicateId = Number(event.target.elements.duplicateId.value);
      try {
        await api('/api/volunteers/' + v.id + '/merge', { method: 'POST', body: { duplicateId } });
        await loadList();
        await select(v.id);
      } catch (e) { event.target.querySelector('.error').textContent = e.message; }
    } },
      el('label', null, 'Merge a duplicate into this volunteer (its id)',
          el('input', { name: 'duplicateId', type: 'number', min: 1, required: true })),
      el('button', { type: 'submit' }, 'Merge'), el('span', { class: 'error' }));
    detail.replaceChildren(
      el('h2', null, v.name || '(no name)'),
      el('p', { class: 'muted' }, 'Volunteer ' + v.id + ' · Facebook ' + v.facebookUserIds.join(', ')
          + ' · first seen ' + when(v.firstSeenAt)),
      el('p', { id: 'volunteer-email' }, data.email
          ? ['E-mail (verified in Messenger): ', el('a', { href: 'mailto:' + data.email }, data.email)]
          : 'No e-mail verified in Messenger'),
      el('h3', null, 'Interests (' + data.interests.length + ')'),
      el('ul', null, data.interests.map(i => el('li', null, when(i.createdAt) + ' — ' + (i.text || ''),
          ' ', el('span', { class: 'label volunteer' }, Math.round(i.score * 100) + '%')))),
      el('h3', null, 'Signups (' + data.signups.length + ')'),
      el('ul', { id: 'slot-signups' }, data.signups.map(s => el('li', { 'data-slot-id': s.slotId },
          el('a', { href: '/signups.html#' + s.signupId }, s.title), ' — ' + (s.slotLabel ? s.slotLabel + ', ' : '')
          + when(s.startsAt), el('span', { class: 'muted' }, ' · confirmed ' + when(s.confirmedAt))))),
      el('h3', null, 'Comments and messages (' + data.messages.length + ')'),
      el('ol', { class: 'feed' }, data.messages.map(messageItem)),
      el('h3', null, 'Replies sent (' + data.replies.length + ')'),
      el('ul', { id: 'replies-sent', class: 'feed' }, data.replies.map(r => el('li', { class: 'chat ' + (r.kind === 'hand' ? 'admin' : 'bot'), 'data-status': r.status },
          el('div', { class: 'text' }, r.text || '(' + r.status + ')'),
          el('div', { class: 'meta' }, (r.kind === 'hand' ? 'by hand' : r.kind + ' reply' + (r.intent ? ' to ' + r.intent : ''))
              + ' · ' + r.status + (r.reason ? ' (' + r.reason + ')' : '') + ' · ' + when(r.createdAt))))),
      canWrite ? merge : el('p', { class: 'muted' }, 'Viewers cannot merge volunteers.'));
  }

  const reload = debounce(async () => {
    await loadList();
    if (selected) await select(selected);
  }, 300);
  search.addEventListener('input', debounce(loadList, 250));

  Dashboard.start('volunteers.html', {
    load: async () => { if (selected) await select(selected); },
    catchUp: reload,
    onEvent: event => {
      if (event.type === 'message.classified' && (event.volunteerId || selected)) reload();
      // the dialog took a message as an answer: its colour goes, from the list and the open volunteer
      if (event.type === 'message.dialog_answer') reload();
      if (event.type === 'volunteer.changed') reload();
    },
  });
})();
