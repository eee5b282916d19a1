// The live feed: loads recent messages, then follows the organisation's events over the WebSocket,
// reconnecting (and catching up) when the connection drops.
const feed = document.getElementById('feed');
const statusBadge = document.getElementById('status');
const shown = new Map();

function sentimentClass(message) {
  const s = message.classifications && message.classifications.sentiment;
  return s ? s.label : 'neutral';
}

function render(message) {
  let item = shown.get(message.messageId);
  if (!item) {
    item = document.createElement('li');
    shown.set(message.messageId, item);
    feed.prepend(item);
  }
  item.className = sentimentClass(message);
  item.replaceChildren();
  const labels = document.createElement('div');
  for (const [analyzer, verdict] of Object.entries(message.classifications || {})) {
    const tag = document.createElement('span');
    tag.className = 'label ' + verdict.label;
    tag.textContent = analyzer + ': ' + verdict.label + ' ' + Math.round(verdict.score * 100) + '%';
    labels.append(tag);
  }
  const text = document.createElement('div');
  text.textContent = message.removed ? '(removed)' : (message.text || '');
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = (message.authorName || message.authorId || 'someone') + ' · ' + message.kind.toLowerCase()
      + ' · ' + new Date(message.createdAt).toLocaleString();
  item.append(labels, text, meta);
}

async function catchUp() {
  const response = await fetch('/api/messages?limit=50');
  if (response.status === 401) { location.href = '/login.html'; return; }
  const messages = await response.json();
  messages.reverse().forEach(render);
}

function connect() {
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/events');
  socket.onopen = () => { statusBadge.textContent = 'live'; statusBadge.className = 'status online'; catchUp(); };
  socket.onmessage = event => render(JSON.parse(event.data));
  socket.onclose = () => {
    statusBadge.textContent = 'offline'; statusBadge.className = 'status offline';
    setTimeout(connect, 2000);
  };
}

async function start() {
  const me = await fetch('/api/me');
  if (me.status === 401) { location.href = '/login.html'; return; }
  const account = await me.json();
  document.getElementById('organisation').textContent = account.organisationName + ' · ' + account.email;
  document.getElementById('csrf').value = account.csrfToken;
  connect();
}

start();
