// Moderation: the queue of offensive or hateful comments above a threshold (live), the actions on Facebook, and what was handled.
(() => {
  const { api, el, when, debounce, sentiment, me } = Dashboard;
  const filter = document.getElementById('filter');
  const status = document.getElementById('action-status');

  async function act(comment, action) {
    status.textContent = '';
    try {
      await api('/api/moderation/' + comment.messageId + '/' + action, { method: 'POST' });
    } catch (e) {
      status.textContent = 'Could not ' + action + ' the comment: ' + e.message;
    }
    await load();
  }

  function buttons(comment, actions) {
    if (me().role === 'viewer') return null;
    return el('div', { class: 'actions' }, actions.map(action =>
        el('button', { 'data-action': action, onclick: () => act(comment, action) }, action[0].toUpperCase() + action.slice(1))));
  }

  function item(c) {
    const mood = sentiment(c.sentimentLabel);
    return el('li', { class: 'message ' + mood, 'data-message-id': c.messageId, 'data-sentiment': mood },
      el('div', null, el('span', { class: 'label negative' }, c.offenseLabel + ' ' + Math.round(c.offenseScore * 100) + '%')),
      el('div', { class: 'text' }, c.text || ''),
      el('div', { class: 'meta' }, (c.authorName || c.authorId || 'someone') + ' · ' + when(c.createdAt) + ' · page ' + c.pageId),
      c.lastOutcome === 'failed' ? el('div', { class: 'error' }, 'last ' + c.lastAction + ' failed: ' + c.lastReason) : null,
      buttons(c, ['hide', 'delete', 'dismiss']));
  }

  async function load() {
    const threshold = filter.elements.threshold.value || '0.7';
    const [queue, handled] = await Promise.all([
      api('/api/moderation?threshold=' + encodeURIComponent(threshold)), api('/api/moderation/handled')]);
    document.getElementById('queue-count').textContent = queue.length + ' waiting';
    document.getElementById('queue').replaceChildren(...(queue.length ? queue.map(item)
        : [el('li', { class: 'muted empty' }, 'Nothing to moderate.')]));
    document.querySelector('#handled tbody').replaceChildren(...handled.map(c => el('tr', { 'data-message-id': c.messageId },
      el('td', null, c.text || '', el('div', { class: 'muted' }, c.authorName || c.authorId || '')),
      el('td', { class: 'action' }, c.lastAction + (c.lastOutcome === 'failed' ? ' (failed: ' + c.lastReason + ')' : '')),
      el('td', null, when(c.lastActionAt)),
      el('td', null, c.lastAction === 'hide' && c.lastOutcome === 'done' ? buttons(c, ['unhide'])
          : c.lastAction === 'unhide' || c.lastAction === 'dismiss' ? buttons(c, ['hide', 'delete']) : null))));
  }

  filter.addEventListener('submit', event => { event.preventDefault(); load(); });
  const refresh = debounce(load, 300);
  Dashboard.start('moderation.html', {
    load,
    catchUp: refresh,
    onEvent: event => {
      const offense = event.type === 'message.classified' && event.classifications && event.classifications.offense;
      if (offense && offense.label !== 'neither') refresh();
      // another admin acted on a comment: it leaves everyone's queue
      if (event.type === 'moderation.changed') refresh();
    },
  });
})();
