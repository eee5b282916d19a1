// A small SVG chart: bars (counts) or a line with points (averages in 0..1), one element per
// bucket carrying data-start and data-value, and an adjustable dashed reference line.
const Chart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 800, H = 180, LEFT = 44, RIGHT = 8, TOP = 10, BOTTOM = 22;

  function node(tag, attributes, text) {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attributes)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function label(value, percent) {
    if (value === null || value === undefined) return '–';
    return percent ? Math.round(value * 100) + '%' : String(Math.round(value * 100) / 100);
  }

  /**
   * Draws into an <svg>. buckets: [{start, value}] (value null = no data); kind 'bar' or 'line';
   * reference: a number or null; percent: values are fractions shown as percentages.
   */
  function draw(svg, buckets, { kind = 'bar', reference = null, percent = false } = {}) {
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.replaceChildren();
    const values = buckets.map(b => b.value).filter(v => v !== null && v !== undefined);
    let max = percent ? 1 : Math.max(1, ...values, reference || 0) * 1.1;
    const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    const step = plotW / Math.max(1, buckets.length);
    const y = v => TOP + plotH - (v / max) * plotH;
    svg.append(node('line', { class: 'axis', x1: LEFT, x2: W - RIGHT, y1: TOP + plotH, y2: TOP + plotH }));
    svg.append(node('text', { x: 2, y: TOP + 8 }, label(max, percent)));
    svg.append(node('text', { x: 2, y: TOP + plotH }, percent ? '0%' : '0'));
    if (buckets.length) {
      svg.append(node('text', { x: LEFT, y: H - 6 }, new Date(buckets[0].start).toLocaleString()));
      svg.append(node('text', { x: W - RIGHT, y: H - 6, 'text-anchor': 'end' },
          new Date(buckets[buckets.length - 1].start).toLocaleString()));
    }
    let path = '';
    buckets.forEach((b, i) => {
      const x = LEFT + i * step;
      const has = b.value !== null && b.value !== undefined;
      if (kind === 'bar') {
        const height = has ? (b.value / max) * plotH : 0;
        const bar = node('rect', { class: 'bar', x: x + step * 0.1, width: Math.max(0.5, step * 0.8),
          y: TOP + plotH - height, height, 'data-start': b.start, 'data-value': has ? b.value : '' });
        bar.append(node('title', {}, new Date(b.start).toLocaleString() + ': ' + label(b.value, percent)));
        svg.append(bar);
      } else if (has) {
        const cx = x + step / 2, cy = y(b.value);
        path += (path && buckets[i - 1] && buckets[i - 1].value !== null ? ' L' : ' M') + cx + ' ' + cy;
        const point = node('circle', { class: 'point', cx, cy, r: Math.min(3, Math.max(1.5, step / 3)),
          'data-start': b.start, 'data-value': b.value });
        point.append(node('title', {}, new Date(b.start).toLocaleString() + ': ' + label(b.value, percent)));
        svg.append(point);
      }
    });
    if (path) svg.prepend(node('path', { class: 'series', d: path.trim() }));
    if (reference !== null && reference !== undefined && !Number.isNaN(reference)) {
      svg.append(node('line', { class: 'reference', x1: LEFT, x2: W - RIGHT, y1: y(reference), y2: y(reference),
        'data-value': reference }));
    }
  }

  return { draw };
})();
