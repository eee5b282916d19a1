// Inbox: Messenger conversations by page and person, one as a chat (live), taking over from the bot and replying by hand.
(() => {
  const { api, el, when, debounce, sentiment, me } = Dashboard;
  const rows = document.querySelector('#conversations tbody');
  const thread = document.getElementById('thread');
  let selected = null;

  const key = (pageId, psid) => pageId + '/' + psid;

  async function loadList() {
    const conversations = await api('/api/inbox');
    rows.replaceChildren(...(conversations.length ? conversations.map(c => {
      const mood = sentiment(c.lastSentiment);
      return el('tr', { 'data-conversation': key(c.pageId, c.psid),
          class: selected === key(c.pageId, c.psid) ? 'selected' : '', onclick: () => select(c.pageId, c.psid) },
        el('td', null, el('strong', null, c.name || c.psid), el('div', { class: 'muted' }, c.pageName + ' · ' + c.messages + ' messages')),
        el('td', { class: 'last-message ' + mood, 'data-sentiment': mood }, c.lastText || '', el('div', { class: 'muted' }, when(c.lastAt))));
    }) : [el('tr', null, el('td', { colspan: 2, class: 'muted' }, 'No Messenger conversations yet.'))]));
  }

  function entry(e) {
    const mood = e.from === 'person' ? sentiment(e.sentiment) : '';
    return el('li', { class: 'chat ' + e.from + ' ' + mood, 'data-from': e.from, 'data-sentiment': e.from === 'person' ? mood : null },
      el('div', { class: 'text' }, e.text || ''),
      el('div', { class: 'meta' }, (e.from === 'person' ? '' : e.from + ' · ') + when(e.at)
          + (e.status && e.status !== 'sent' ? ' · ' + e.status : '') + (e.reason ? ' (' + e.reason + ')' : '')));
  }

  async function select(pageId, psid) {
    // a redraw on a live event keeps what the admin is typing to the same person
    const typing = selected === key(pageId, psid) ? thread.querySelector('#reply input[name=text]') : null;
    const draft = typing ? typing.value : '';
    const focused = typing !== null && document.activeElement === typing;
    selected = key(pageId, psid);
    rows.querySelectorAll('tr').forEach(tr => tr.classList.toggle('selected', tr.dataset.conversation === selected));
    const path = '/api/inbox/' + encodeURIComponent(pageId) + '/' + encodeURIComponent(psid);
    const t = await api(path);
    const canWrite = me().role !== 'viewer';
    const status = el('p', { id: 'reply-status', class: 'error' });
    thread.replaceChildren(...[
      el('h2', null, t.name || psid),
      el('p', { class: 'muted', id: 'takeover-state' }, (t.takenOver ? 'You have taken over: the bot stays quiet.' : 'The bot answers.')
          + (t.windowOpen ? '' : ' Outside the 24-hour window: replies go out tagged HUMAN_AGENT.')),
      canWrite ? el('div', { class: 'actions' }, t.takenOver
          ? el('button', { id: 'handback', onclick: async () => { await api(path + '/handback', { method: 'POST' }); select(pageId, psid); } }, 'Hand back to the bot')
          : el('button', { id: 'takeover', onclick: async () => { await api(path + '/takeover', { method: 'POST' }); select(pageId, psid); } }, 'Take over')) : null,
      el('ul', { class: 'feed chat-thread', id: 'entries' }, t.entries.map(entry)),
      canWrite ? el('form', { id: 'reply', class: 'toolbar', onsubmit: async event => {
        event.preventDefault();
        // the field is emptied before sending: a redraw while the reply is on its way keeps no copy of it
        const field = event.target.elements.text;
        const text = field.value;
        field.value = '';
        try {
          await api(path + '/messages', { method: 'POST', body: { text } });
          await select(pageId, psid);
        } catch (e) {
          const current = thread.querySelector('#reply input[name=text]');
          if (current && !current.value) current.value = text;
          const shown = thread.querySelector('#reply-status');
          if (shown) shown.textContent = e.message;
        }
      } }, el('input', { name: 'text', size: 50, required: 'required', maxlength: 2000, placeholder: 'Reply through Messenger' }),
          el('button', { class: 'primary', type: 'submit' }, 'Send')) : null,
      status].filter(Boolean));
    const input = thread.querySelector('#reply input[name=text]');
    if (input && draft && selected === key(pageId, psid)) {
      input.value = draft;
      if (focused) input.focus();
    }
  }

  const refresh = debounce(async () => {
    await loadList();
    if (selected) {
      const [pageId, psid] = selected.split('/');
      await select(pageId, psid);
    }
  }, 300);
  Dashboard.start('inbox.html', {
    load: loadList,
    catchUp: refresh,
    onEvent: event => {
      if (event.type === 'message.classified' && (event.kind === 'MESSAGE' || event.kind === 'POSTBACK')) refresh();
      // the dialog took a message as an answer: it loses its colour
      if (event.type === 'message.dialog_answer') refresh();
      // the bot's replies, and other admins taking over, handing back or replying
      if (event.type === 'reply.changed' || event.type === 'conversation.changed') refresh();
    },
  });
})();
