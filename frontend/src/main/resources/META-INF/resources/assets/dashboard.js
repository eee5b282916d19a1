// What every dashboard page shares: who is logged in, the navigation, JSON calls with the CSRF
// token, sentiment colours, and the live WebSocket that reconnects and lets the page catch up.
const Dashboard = (() => {
  const PAGES = [
    ['index.html', 'Overview'], ['volunteers.html', 'Volunteers'], ['analytics.html', 'Analytics'],
    ['signups.html', 'Signups'], ['posts.html', 'Posts'], ['inbox.html', 'Inbox'],
    ['moderation.html', 'Moderation'], ['settings.html', 'Settings'],
  ];
  let me = null;

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function api(path, options = {}) {
    const headers = { 'Accept': 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (me && options.method && options.method !== 'GET') headers['X-CSRF-TOKEN'] = me.csrfToken;
    const response = await fetch(path, {
      method: options.method || 'GET', headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401) { location.href = '/login.html'; throw new Error('logged out'); }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((data && data.reason) || response.statusText);
      error.status = response.status;
      error.field = data && data.field;
      throw error;
    }
    return data;
  }

  /**
   * The score (the label's probability) from which a sentiment gets its colour: below it the
   * model is guessing, and the message shows as neutral. The same rule as the server's
   * sentiment_shown SQL function, which has already applied it to the labels the API returns.
   */
  /**
   * positive, negative or neutral, from a message's classifications or a sentiment label. The server
   * decides (SQL sentiment_shown): a label the model was not confident about comes as neutral.
   */
  function sentiment(source) {
    const label = typeof source === 'string' ? source : source && source.sentiment ? source.sentiment.shown : null;
    return label === 'positive' || label === 'negative' ? label : 'neutral';
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  /** A message as a list item, coloured by its sentiment. */
  function messageItem(message) {
    const labels = Object.entries(message.classifications || {}).map(([analyzer, verdict]) =>
        el('span', { class: 'label ' + verdict.label, title: analyzer },
            analyzer + ': ' + verdict.label + ' ' + Math.round(verdict.score * 100) + '%'));
    return el('li', { class: 'message ' + sentiment(message.classifications), 'data-message-id': message.messageId,
        'data-sentiment': sentiment(message.classifications) },
      el('div', null, labels),
      el('div', { class: 'text' }, message.removed ? '(removed)' : (message.text || '')),
      el('div', { class: 'meta' }, (message.authorName || message.authorId || 'someone') + ' · '
          + String(message.kind || '').toLowerCase() + ' · ' + when(message.createdAt)));
  }

  function header(page) {
    const nav = el('nav', null, PAGES.map(([href, title, later]) =>
        el('a', { href: '/' + href, class: (href === page ? 'current' : '') + (later ? ' later' : '') }, title)));
    const status = el('span', { id: 'status', class: 'status offline' }, 'offline');
    const logout = el('form', { method: 'post', action: '/logout' },
        el('input', { type: 'hidden', name: '_csrf', value: me.csrfToken }), el('button', { id: 'logout' }, 'Log out'));
    const account = el('div', { class: 'account' },
        el('span', { id: 'organisation', class: 'muted' }, me.organisationName + ' · ' + me.email + ' (' + me.role + ')'),
        status, logout);
    document.body.prepend(el('header', null, el('strong', null, 'Voluntree'), nav, account));
    return status;
  }

  /** Sends the admin to the login page if the session is over; a network still down tells nothing. */
  async function checkLogin() {
    try {
      const response = await fetch('/api/me', { headers: { 'Accept': 'application/json' } });
      if (response.status === 401) location.href = '/login.html';
    } catch (e) {
      // still offline: the next attempt asks again
    }
  }

  function live(status, onEvent, catchUp) {
    let delay = 1000;
    const connect = () => {
      const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/events');
      let opened = false;
      socket.onopen = () => {
        opened = true;
        delay = 1000;
        status.textContent = 'live';
        status.className = 'status online';
        if (catchUp) catchUp();
      };
      socket.onmessage = event => onEvent && onEvent(JSON.parse(event.data));
      socket.onclose = () => {
        status.textContent = 'offline';
        status.className = 'status offline';
        // a refused handshake may mean the session is over (expired, or logged out elsewhere):
        // retrying would leave the page offline for good without saying why
        if (!opened) checkLogin();
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30000);
      };
    };
    connect();
  }

  /** Runs a function at most once per interval, at its end (for reloads triggered by bursts of events). */
  function debounce(fn, millis) {
    let timer = null;
    return () => { clearTimeout(timer); timer = setTimeout(fn, millis); };
  }

  /**
   * Starts a page: checks the login, draws the header, then calls load() once and catchUp() on
   * every (re)connection of the live socket, and onEvent(event) for each live event.
   */
  async function start(page, { load, catchUp, onEvent } = {}) {
    const response = await fetch('/api/me', { headers: { 'Accept': 'application/json' } });
    if (response.status === 401) { location.href = '/login.html'; return; }
    me = await response.json();
    const status = header(page);
    if (load) await load(me);
    live(status, onEvent, catchUp);
  }

  return { start, api, el, sentiment, messageItem, when, debounce, me: () => me };
})();
