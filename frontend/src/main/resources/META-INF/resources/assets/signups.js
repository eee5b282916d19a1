// Signups: the list, one signup's slots with their confirmed volunteers (live), and the form that creates or edits one.
(() => {
  const { api, el, when, debounce, me } = Dashboard;
  const rows = document.querySelector('#signups tbody');
  const detail = document.getElementById('detail');
  let selected = Number(location.hash.slice(1)) || null;
  let editing = false;

  function filled(signup) {
    const confirmed = signup.slots.reduce((sum, s) => sum + s.confirmed, 0);
    const required = signup.slots.reduce((sum, s) => sum + s.required, 0);
    return confirmed + ' / ' + required;
  }

  async function loadList() {
    const signups = await api('/api/signups');
    rows.replaceChildren(...signups.map(s => el('tr', { 'data-signup-id': s.id, class: s.id === selected ? 'selected' : '',
        onclick: () => select(s.id) },
      el('td', null, el('strong', null, s.title), el('div', { class: 'muted' }, 'created ' + when(s.createdAt))),
      el('td', null, s.state), el('td', { class: 'filled' }, s.slots.length + ' slots, ' + filled(s)))));
  }

  /** Shows one signup; a live reload of the same one keeps what the admin was writing to its volunteers. */
  async function select(id, keepDraft = false) {
    selected = id;
    editing = false;
    history.replaceState(null, '', '#' + id);
    rows.querySelectorAll('tr').forEach(tr => tr.classList.toggle('selected', Number(tr.dataset.signupId) === id));
    const [signup, bySlot, sent] = await Promise.all([api('/api/signups/' + id),
      api('/api/signups/' + id + '/volunteers'), api('/api/signups/' + id + '/announcements')]);
    // the admin opened the form, or another signup, while this one loaded: keep what they have
    if (editing || selected !== id) return;
    const names = new Map(bySlot.map(s => [s.slotId, s.volunteers]));
    const draft = keepDraft ? document.querySelector('#announce-form textarea')?.value : '';
    detail.replaceChildren(...[
      el('h2', null, signup.title),
      signup.description ? el('p', null, signup.description) : null,
      Object.keys(signup.facts || {}).length ? el('dl', { class: 'metrics' }, Object.entries(signup.facts)
          .flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)])) : null,
      el('ul', { class: 'slots', id: 'slots' }, signup.slots.map(slot => {
        const volunteers = names.get(slot.id) || [];
        return el('li', { 'data-slot-id': slot.id },
          el('strong', null, when(slot.startsAt) + ' – ' + new Date(slot.endsAt).toLocaleTimeString()),
          slot.label ? ' (' + slot.label + ')' : '',
          el('span', { class: 'muted' }, ' · ' + slot.confirmed + ' of ' + slot.required + ' confirmed'),
          el('div', { class: 'volunteer-names' }, volunteers.length
              ? volunteers.map((v, i) => [i ? ', ' : null, volunteer(signup, slot, v)]) : 'nobody yet'));
      })),
      el('div', { class: 'toolbar' },
        me().role === 'viewer' ? null : el('button', { id: 'edit', onclick: () => form(signup) }, 'Edit'),
        el('a', { id: 'roster', href: '/api/signups/' + signup.id + '/volunteers.csv', download: '' },
          'Download the volunteers (CSV, with the e-mails they verified)')),
      announcements(signup, sent)].filter(Boolean));
    if (draft) document.querySelector('#announce-form textarea').value = draft;
  }

  /** "sent to 2 of 3 people with a place to come": Messenger reaches only those who wrote to the page there. */
  function reach(a) {
    return 'sent to ' + a.reached + ' of ' + a.holders + (a.holders === 1 ? ' person' : ' people') + ' with a place to come';
  }

  /** One message sent to the signup's volunteers: when, by whom, to how many, and what it said. */
  function announcement(a) {
    return el('li', null,
      el('div', { class: 'muted' }, when(a.createdAt) + (a.sentBy ? ' · ' + a.sentBy : '') + ' · ' + reach(a)),
      el('div', { class: 'announcement-text' }, a.text));
  }

  /**
   * The messages sent to everyone with a place to come in the signup, and (for editors) the form that
   * sends one in Messenger; it reaches only people who have written to the page there.
   */
  function announcements(signup, sent) {
    const list = el('ul', { id: 'announcements', class: 'announcements' }, sent.map(announcement));
    const status = el('p', { id: 'announce-status' });
    const form = me().role === 'viewer' ? null : el('form', { id: 'announce-form', class: 'form', onsubmit: async event => {
      event.preventDefault();
      const box = event.target.elements.text;
      const button = event.target.querySelector('button');
      button.disabled = true;
      try {
        const a = await api('/api/signups/' + signup.id + '/announcements', { method: 'POST', body: { text: box.value } });
        box.value = '';
        status.className = '';
        status.textContent = 'S' + reach(a).slice(1) + '.' + (a.reached < a.holders ? ' The others never wrote to the'
            + ' page in Messenger, or asked for no messages: it cannot reach them there (their e-mails are in the CSV).' : '');
        list.prepend(announcement(a));
        document.getElementById('no-announcements')?.remove();
      } catch (e) {
        status.className = 'error';
        status.textContent = 'Not sent: ' + e.message;
      } finally {
        button.disabled = false;
      }
    } },
      el('label', null, 'Write to everyone with a place to come, in Messenger',
        el('textarea', { name: 'text', rows: 3, maxlength: 1000, required: 'required' })),
      el('div', null, el('button', { type: 'submit', class: 'primary' }, 'Send to the volunteers')),
      status);
    return el('section', { class: 'announcements' }, el('h3', null, 'Messages to the volunteers'), form,
      sent.length ? null : el('p', { class: 'muted', id: 'no-announcements' }, 'None sent yet.'), list);
  }

  /**
   * A confirmed volunteer's name; an editor can give up their place (the volunteer is told in Messenger).
   * The button's × is drawn by the style sheet, so the names read as names (and copy as a list).
   */
  function volunteer(signup, slot, v) {
    const name = v.name || 'volunteer ' + v.volunteerId;
    if (me().role === 'viewer') return el('span', { class: 'volunteer', 'data-volunteer-id': v.volunteerId }, name);
    return el('span', { class: 'volunteer', 'data-volunteer-id': v.volunteerId }, name,
      el('button', { type: 'button', class: 'remove-place', title: 'Give up ' + name + '\'s place in this slot',
        'aria-label': 'Give up ' + name + '\'s place in this slot', onclick: async () => {
          if (!confirm('Give up ' + name + '\'s place in this slot? The place is free for someone else at once;'
              + ' ' + name + ' is told in Messenger (if they ever wrote to the page there).')) return;
          try {
            await api('/api/signups/' + signup.id + '/slots/' + slot.id + '/volunteers/' + v.volunteerId, { method: 'DELETE' });
          } catch (e) {
            alert('The place was not given up: ' + e.message);
          }
          await select(signup.id);
        } }));
  }

  function slotRow(slot) {
    const local = instant => instant ? new Date(new Date(instant).getTime() - new Date(instant).getTimezoneOffset() * 60000)
        .toISOString().slice(0, 16) : '';
    // an existing slot keeps its id, so that new times keep its confirmed volunteers
    return el('div', { class: 'toolbar slot', 'data-slot-id': slot.id || null },
      el('label', null, 'Starts', el('input', { type: 'datetime-local', name: 'startsAt', required: 'required', value: local(slot.startsAt) })),
      el('label', null, 'Ends', el('input', { type: 'datetime-local', name: 'endsAt', required: 'required', value: local(slot.endsAt) })),
      el('label', null, 'Label', el('input', { name: 'label', size: 12, value: slot.label || '' })),
      el('label', null, 'Needed', el('input', { type: 'number', name: 'required', min: 1, max: 10000, required: 'required',
          value: slot.required || 1, style: 'width: 5rem' })),
      el('button', { type: 'button', onclick: event => event.target.closest('.slot').remove() }, 'Remove'));
  }

  /** The form for a new signup (no argument) or for editing one. */
  function form(signup) {
    editing = true;
    const slots = el('div', { id: 'slot-rows' }, (signup ? signup.slots : [{}]).map(slotRow));
    const facts = signup ? Object.entries(signup.facts || {}).map(([k, v]) => k + ': ' + v).join('\n') : '';
    const status = el('p', { id: 'signup-status', class: 'error' });
    const node = el('form', { id: 'signup-form', class: 'form', onsubmit: async event => {
      event.preventDefault();
      const f = event.target.elements;
      const body = {
        title: f.title.value, description: f.description.value || null, state: f.state.value,
        facts: Object.fromEntries(f.facts.value.split('\n').map(line => line.split(':'))
            .filter(parts => parts.length > 1 && parts[0].trim())
            .map(([k, ...v]) => [k.trim(), v.join(':').trim()])),
        slots: [...slots.querySelectorAll('.slot')].map(row => ({
          id: row.dataset.slotId ? Number(row.dataset.slotId) : null,
          startsAt: new Date(row.querySelector('[name=startsAt]').value).toISOString(),
          endsAt: new Date(row.querySelector('[name=endsAt]').value).toISOString(),
          label: row.querySelector('[name=label]').value || null,
          required: Number(row.querySelector('[name=required]').value) })),
      };
      const save = () => api('/api/signups' + (signup ? '/' + signup.id : ''), { method: signup ? 'PUT' : 'POST', body });
      try {
        let saved;
        try {
          saved = await save();
        } catch (e) {
          // removing a slot people are confirmed in takes their places: only when the admin says so
          if (e.status !== 409 || e.field !== 'removeConfirmedVolunteers'
              || !confirm('This ' + e.message.replace(/^this /, '') + '\n\nRemove those slots and their volunteers\' places? They are told in Messenger.')) throw e;
          body.removeConfirmedVolunteers = true;
          saved = await save();
        }
        await loadList();
        await select(saved.id);
      } catch (e) {
        status.textContent = e.message;
      }
    } },
      el('h2', null, signup ? 'Edit ' + signup.title : 'New signup'),
      el('label', null, 'Title', el('input', { name: 'title', required: 'required', maxlength: 200, value: signup ? signup.title : '' })),
      el('label', null, 'Description', el('textarea', { name: 'description', rows: 2 }, signup ? signup.description || '' : '')),
      el('label', null, 'Facts (one "name: value" a line, used in answers)', el('textarea', { name: 'facts', rows: 3 }, facts)),
      el('label', null, 'State', el('select', { name: 'state' },
          el('option', { value: 'active', selected: !signup || signup.state === 'active' ? 'selected' : null }, 'active'),
          el('option', { value: 'disabled', selected: signup && signup.state === 'disabled' ? 'selected' : null }, 'disabled'))),
      el('div', null, el('strong', null, 'Slots')), slots,
      el('div', null, el('button', { type: 'button', id: 'add-slot', onclick: () => slots.append(slotRow({})) }, 'Add slot'), ' ',
          el('button', { type: 'submit', class: 'primary' }, 'Save')),
      status);
    detail.replaceChildren(node);
  }

  document.getElementById('new-signup').addEventListener('click', () => form(null));
  const refresh = debounce(async () => {
    await loadList();
    if (selected && !editing) await select(selected, true);
  }, 300);
  Dashboard.start('signups.html', {
    load: async () => {
      if (me().role === 'viewer') document.getElementById('new-signup').remove();
      await loadList();
      if (selected) await select(selected);
    },
    catchUp: refresh,
    onEvent: event => { if (event.type === 'signup.changed') refresh(); },
  });
})();
