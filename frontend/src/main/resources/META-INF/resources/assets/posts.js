// Posts: compose (page, signup, message, schedule, photo, time), publish, follow each post's state, and read its comments.
(() => {
  const { api, el, when, debounce, messageItem, me } = Dashboard;
  const compose = document.getElementById('compose');
  const rows = document.querySelector('#posts tbody');
  const detail = document.getElementById('detail');
  let posts = [];
  let selected = Number(location.hash.slice(1)) || null;

  async function loadChoices() {
    const [pages, signups] = await Promise.all([api('/api/pages'), api('/api/signups')]);
    compose.elements.pageId.replaceChildren(...pages.map(p => el('option', { value: p.pageId }, p.name)));
    compose.elements.signupId.replaceChildren(el('option', { value: '' }, 'none'),
        ...signups.filter(s => s.state === 'active').map(s => el('option', { value: s.id }, s.title)));
  }

  async function publish(post) {
    try {
      await api('/api/posts/' + post.id + '/publish', { method: 'POST', body: {} });
    } catch (e) {
      alert(e.message);
    }
    await loadPosts();
  }

  async function loadPosts() {
    posts = await api('/api/posts');
    const canWrite = me().role !== 'viewer';
    rows.replaceChildren(...posts.map(p => el('tr', { 'data-post-id': p.id, class: p.id === selected ? 'selected' : '',
        onclick: () => select(p.id) },
      el('td', null, el('div', null, p.message.length > 90 ? p.message.slice(0, 90) + '…' : p.message),
          el('div', { class: 'muted' }, (p.scheduledAt ? 'for ' + when(p.scheduledAt) : 'created ' + when(p.createdAt))
              + (p.publishedAt ? ' · published ' + when(p.publishedAt) : ''))),
      el('td', null, el('span', { class: 'state ' + p.state }, p.state),
          p.failure ? el('div', { class: 'error failure' }, p.failure) : null),
      el('td', null, canWrite && (p.state === 'draft' || p.state === 'failed')
          ? el('button', { class: 'publish', onclick: event => { event.stopPropagation(); publish(p); } },
              p.state === 'failed' ? 'Retry' : p.scheduledAt ? 'Schedule' : 'Publish') : null))));
  }

  async function select(id) {
    selected = id;
    history.replaceState(null, '', '#' + id);
    rows.querySelectorAll('tr').forEach(tr => tr.classList.toggle('selected', Number(tr.dataset.postId) === id));
    const post = await api('/api/posts/' + id);
    const comments = await api('/api/posts/' + id + '/comments');
    detail.replaceChildren(...[
      el('h2', null, 'Post on ' + post.pageId),
      el('p', null, post.message),
      post.photoUrl ? el('p', { class: 'muted' }, 'photo: ' + post.photoUrl) : null,
      el('p', { class: 'muted' }, 'state: ' + post.state + (post.facebookPostId ? ' · Facebook id ' + post.facebookPostId : '')),
      el('h3', null, 'Comments (' + comments.length + ')'),
      comments.length ? el('ul', { class: 'feed', id: 'comments' }, comments.map(messageItem))
          : el('p', { class: 'muted' }, post.facebookPostId ? 'No comments yet.' : 'Comments appear once it is published.')].filter(Boolean));
  }

  compose.addEventListener('submit', async event => {
    event.preventDefault();
    const f = compose.elements;
    const status = document.getElementById('compose-status');
    try {
      const post = await api('/api/posts', { method: 'POST', body: {
        pageId: f.pageId.value, signupId: f.signupId.value ? Number(f.signupId.value) : null, message: f.message.value,
        appendSchedule: f.appendSchedule.checked, photoUrl: f.photoUrl.value.trim() || null,
        scheduledAt: f.scheduledAt.value ? new Date(f.scheduledAt.value).toISOString() : null } });
      compose.reset();
      status.textContent = '';
      await loadPosts();
      await select(post.id);
    } catch (e) {
      status.textContent = e.message;
    }
  });

  const refreshComments = debounce(() => selected && select(selected), 500);
  const refreshPosts = debounce(loadPosts, 300);
  Dashboard.start('posts.html', {
    load: async () => {
      if (me().role === 'viewer') compose.remove();
      else await loadChoices();
      await loadPosts();
      if (selected) await select(selected);
    },
    catchUp: loadPosts,
    onEvent: event => {
      const post = posts.find(p => p.id === selected);
      if (event.type === 'message.classified' && post && post.facebookPostId && event.postId === post.facebookPostId) {
        refreshComments();
      }
      // published or failed by the workers, or published by another admin
      if (event.type === 'post.changed') {
        refreshPosts();
        if (event.postId === selected) refreshComments();
      }
    },
  });
})();
