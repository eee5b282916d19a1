// Analytics: four series per bucket with adjustable reference lines, redrawn live; message search.
(() => {
  const { api, messageItem, debounce } = Dashboard;
  const CHARTS = [
    { id: 'chart-volume', value: b => b.messages, kind: 'bar', percent: false },
    { id: 'chart-sentiment', value: b => b.averageSentiment, kind: 'line', percent: true },
    { id: 'chart-offense', value: b => b.averageOffense, kind: 'line', percent: true },
    { id: 'chart-interest', value: b => b.interestRate, kind: 'line', percent: true },
  ];
  let series = null;

  function draw() {
    if (!series) return;
    for (const chart of CHARTS) {
      const section = document.getElementById(chart.id);
      const input = section.querySelector('input.reference');
      const raw = input.value === '' ? null : Number(input.value);
      Chart.draw(section.querySelector('svg'),
          series.buckets.map(b => ({ start: b.start, value: chart.value(b) })),
          { kind: chart.kind, percent: chart.percent,
            reference: raw === null ? null : (chart.percent ? raw / 100 : raw) });
    }
  }

  async function load() {
    const hours = Number(document.getElementById('span').value);
    const bucket = document.getElementById('bucket').value;
    const from = new Date(Date.now() - hours * 3600e3).toISOString();
    const error = document.getElementById('analytics-error');
    try {
      series = await api('/api/analytics?bucket=' + bucket + '&from=' + encodeURIComponent(from));
      error.textContent = '';
      draw();
    } catch (e) {
      error.textContent = e.message;
    }
  }

  document.getElementById('span').addEventListener('change', load);
  document.getElementById('bucket').addEventListener('change', load);
  document.querySelectorAll('input.reference').forEach(input => input.addEventListener('input', draw));
  document.getElementById('search').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target.elements;
    const found = await api('/api/messages/search?limit=100&author=' + encodeURIComponent(form.author.value)
        + '&text=' + encodeURIComponent(form.text.value));
    document.getElementById('results').replaceChildren(...found.map(messageItem));
  });

  const reload = debounce(load, 500);
  Dashboard.start('analytics.html', {
    catchUp: load,
    onEvent: event => { if (event.type === 'message.classified' || event.type === 'message.dialog_answer') reload(); },
  });
})();
