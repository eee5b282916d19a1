// Overview: figures over the chosen range, the latest interests, and the live message feed.
(() => {
  const { api, el, sentiment, messageItem, when, debounce } = Dashboard;
  const feed = document.getElementById('feed');
  const interests = document.getElementById('interests');
  const range = document.getElementById('range');
  const shown = new Map();
  // messages the signup dialog took as answers ("1", a PIN): grey for good, whichever came last of
  // the dialog's event, the writer's (replayed) message.classified or a catch-up read before the mark
  const answers = new Set();

  const SPANS = { '24h': 24 * 3600e3, '7d': 7 * 24 * 3600e3, '30d': 30 * 24 * 3600e3 };

  function query() {
    if (range.value === 'custom') {
      const from = document.getElementById('from').value;
      const to = document.getElementById('to').value;
      const parts = [];
      if (from) parts.push('from=' + encodeURIComponent(new Date(from).toISOString()));
      if (to) parts.push('to=' + encodeURIComponent(new Date(to).toISOString()));
      return parts.join('&');
    }
    const now = Date.now();
    return 'from=' + encodeURIComponent(new Date(now - SPANS[range.value]).toISOString());
  }

  function interestItem(interest) {
    return el('li', { class: 'interest ' + sentiment(interest.sentiment), 'data-message-id': interest.messageId,
        'data-sentiment': sentiment(interest.sentiment) },
      el('div', null, el('a', { href: '/volunteers.html#' + interest.volunteerId }, interest.name || 'someone'),
          ' offered to help'),
      el('div', { class: 'text' }, interest.text || ''),
      el('div', { class: 'meta' }, when(interest.createdAt)));
  }

  function signupItem(signup) {
    const slot = (signup.slotLabel ? signup.slotLabel + ', ' : '') + when(signup.startsAt);
    return el('li', { class: 'signup', 'data-slot-id': signup.slotId, 'data-volunteer-id': signup.volunteerId },
      el('div', null, el('a', { href: '/volunteers.html#' + signup.volunteerId }, signup.name || 'someone'),
          ' signed up for ', el('a', { href: '/signups.html#' + signup.signupId }, signup.title)),
      el('div', { class: 'text' }, slot),
      el('div', { class: 'meta' }, when(signup.confirmedAt)));
  }

  async function loadFigures() {
    const overview = await api('/api/overview?' + query());
    document.getElementById('count-messages').textContent = overview.messages;
    document.getElementById('count-interests').textContent = overview.interests;
    document.getElementById('count-volunteers').textContent = overview.newVolunteers;
    document.getElementById('count-sentiment').textContent =
        overview.sentiment.positive + ' / ' + overview.sentiment.negative;
    document.getElementById('count-signups').textContent = overview.slotSignups;
    document.getElementById('count-posts').textContent = overview.postsPublished;
    document.getElementById('count-active-signups').textContent = overview.activeSignups;
    // one feed, newest first: offers to help and confirmed places
    const items = overview.recentInterests.map(i => [i.createdAt, interestItem(i)])
        .concat(overview.recentSignups.map(s => [s.confirmedAt, signupItem(s)]))
        .sort((a, b) => new Date(b[0]) - new Date(a[0])).slice(0, 30);
    interests.replaceChildren(...items.map(([, item]) => item));
  }

  /** The message as /api/messages shows an answer to the dialog: its sentiment neither coloured nor counted. */
  function asAnswer(message) {
    const sentiment = message.classifications && message.classifications.sentiment;
    if (!sentiment) return message;
    return { ...message, classifications: { ...message.classifications, sentiment: { ...sentiment, shown: 'neutral' } } };
  }

  function showMessage(message) {
    const item = messageItem(answers.has(message.messageId) ? asAnswer(message) : message);
    const old = shown.get(message.messageId);
    if (old) old.item.replaceWith(item); else feed.prepend(item);
    shown.set(message.messageId, { item, message });
    while (feed.children.length > 100) {
      shown.delete(Number(feed.lastElementChild.dataset.messageId));
      feed.lastElementChild.remove();
    }
  }

  function takenAsAnswer(messageId) {
    answers.add(messageId);
    const old = shown.get(messageId);
    if (old) showMessage(old.message);
  }

  async function catchUp() {
    const messages = await api('/api/messages?limit=50');
    messages.reverse().forEach(showMessage);
    await loadFigures();
  }

  const refreshFigures = debounce(loadFigures, 300);
  range.addEventListener('change', () => {
    const custom = range.value === 'custom';
    document.getElementById('custom-from').hidden = !custom;
    document.getElementById('custom-to').hidden = !custom;
    loadFigures();
  });
  document.getElementById('from').addEventListener('change', loadFigures);
  document.getElementById('to').addEventListener('change', loadFigures);

  Dashboard.start('index.html', {
    catchUp,
    onEvent: event => {
      if (event.type === 'signup.changed' || event.type === 'post.changed') refreshFigures();
      if (event.type === 'message.dialog_answer') {
        takenAsAnswer(event.messageId);
        refreshFigures();
      }
      if (event.type !== 'message.classified') return;
      showMessage(event);
      refreshFigures();
    },
  });
})();
