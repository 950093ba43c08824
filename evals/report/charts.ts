import type { MetricKey, MetricSet } from '../scorers/metrics';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const colour = (v: number) => (v >= 0.95 ? '#2e7d32' : v >= 0.85 ? '#f9a825' : '#c62828');

/** Horizontal bar chart (0..1) of one metric across groups, as inline SVG. */
export function barChart(title: string, groups: Record<string, MetricSet>, key: MetricKey): string {
  const rows = Object.entries(groups).filter(([, s]) => s[key].value !== null);
  const h = 18;
  const width = 360;
  const label = 130;
  const bars = rows.map(([name, set], i) => {
    const v = set[key].value!;
    const y = i * (h + 4);
    return `<g transform="translate(0,${y})"><text x="${label - 6}" y="${h - 5}" text-anchor="end">${esc(name)}</text>`
      + `<rect x="${label}" width="${width}" height="${h}" fill="#eee"/>`
      + `<rect x="${label}" width="${(v * width).toFixed(1)}" height="${h}" fill="${colour(v)}"><title>${esc(name)}: ${v.toFixed(3)} (n=${set[key].n})</title></rect>`
      + `<text x="${label + width + 6}" y="${h - 5}">${v.toFixed(2)}</text></g>`;
  });
  const height = rows.length * (h + 4);
  return `<figure><figcaption>${esc(title)}</figcaption><svg width="${label + width + 50}" height="${height}" role="img" aria-label="${esc(title)}">${bars.join('')}</svg></figure>`;
}
