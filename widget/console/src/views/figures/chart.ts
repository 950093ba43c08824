import { h, nextId, table } from '../../dom';
import { t } from '../../strings';
import type { Stats } from '../../types';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = { answered: '#1f5fa8', unanswered: '#b34700' };

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Questions per day as stacked bars (answered / not answered), with the same figures as a table. */
export function dayChart(days: Stats['days']): HTMLElement {
  if (!days.length) return h('p', {}, t('none'));
  const width = 640;
  const height = 200;
  const pad = 24;
  const max = Math.max(1, ...days.map((d) => d.questions));
  const bw = Math.min(40, (width - pad) / days.length);
  const y = (n: number) => ((height - pad) * n) / max;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': `${t('perDay')}: ${days.map((d) => `${d.day} ${d.answered}/${d.questions}`).join(', ')}`, class: 'chart' });
  days.forEach((d, i) => {
    const x = pad + i * bw + 2;
    const hu = y(d.unanswered);
    const ha = y(d.answered);
    chart.append(
      svg('rect', { x, y: height - pad - ha, width: Math.max(1, bw - 4), height: ha, fill: COLORS.answered }),
      svg('rect', { x, y: height - pad - ha - hu, width: Math.max(1, bw - 4), height: hu, fill: COLORS.unanswered }),
    );
    if (days.length <= 10 || i % Math.ceil(days.length / 8) === 0) chart.append(svg('text', { x, y: height - 6, 'font-size': 11, fill: '#1a1a1a' }, d.day.slice(5)));
  });
  chart.append(svg('text', { x: 0, y: 12, 'font-size': 11, fill: '#1a1a1a' }, String(max)));
  const legend = h('p', { class: 'legend' },
    h('span', { class: 'swatch', style: `background:${COLORS.answered}` }), ` ${t('answered')} `,
    h('span', { class: 'swatch', style: `background:${COLORS.unanswered}` }), ` ${t('unanswered')}`);
  const alt = h('details', {}, h('summary', {}, t('chartText')),
    table(t('perDay'), [t('day'), t('total'), t('answered'), t('unanswered')], days.map((d) => [d.day, String(d.questions), String(d.answered), String(d.unanswered)]), true));
  return h('figure', {}, chart, legend, alt);
}

/** Counts as a table with a bar beside each number (the bar is decoration; the number is the figure). */
export function barTable(caption: string, counts: Record<string, number>, name: (k: string) => string = (k) => k): HTMLElement {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return h('p', {}, t('none'));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return table(caption, [caption, t('count')], entries.map(([k, n]) => [
    name(k),
    h('span', { class: 'barcell' }, h('span', { class: 'bar', 'aria-hidden': 'true', style: `width:${Math.round((100 * n) / max)}%` }), h('span', {}, String(n))),
  ]), true);
}

/** Helpful / not helpful counts and the helpful share per key. */
export function shareTable(caption: string, counts: Record<string, { helpful: number; notHelpful: number }>, name: (k: string) => string = (k) => k): HTMLElement {
  const entries = Object.entries(counts);
  if (!entries.length) return h('p', {}, t('none'));
  const id = nextId('share');
  return h('div', { id }, table(caption, [caption, t('helpful'), t('notHelpful'), t('helpfulShare')], entries.map(([k, c]) => [
    name(k), String(c.helpful), String(c.notHelpful), `${Math.round((100 * c.helpful) / Math.max(1, c.helpful + c.notHelpful))} %`,
  ]), true));
}
