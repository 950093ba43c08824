import { api, errorMessage, qs } from '../../api';
import type { Ctx } from '../../context';
import { fill, h, table, when } from '../../dom';
import { languageName, t } from '../../strings';
import type { FeedbackItem, Stats } from '../../types';
import { barTable, dayChart, shareTable } from './chart';

/** The last 30 days: questions per day, by topic and language, requests for a person, and feedback. */
export function renderFigures(root: HTMLElement, ctx: Ctx): void {
  const box = h('div', {}, h('p', {}, t('loading')));
  root.replaceChildren(h('h2', {}, `${t('figures')} — ${t('last30')}`), box);
  const tenant = ctx.tenant;
  Promise.all([
    api<Stats>('GET', `/api/admin/stats${qs({ days: 30, tenant })}`),
    api<{ feedback: FeedbackItem[] }>('GET', `/api/admin/feedback${qs({ days: 30, tenant })}`),
  ]).then(([stats, { feedback }]) => {
    const section = (id: string, title: string, ...body: (HTMLElement | null)[]) => h('section', { 'aria-labelledby': id }, h('h3', { id }, title), ...body);
    const hv = stats.handovers;
    fill(box,
      section('fig-days', t('perDay'), dayChart(stats.days)),
      h('div', { class: 'two' },
        section('fig-topic', t('byTopic'), barTable(t('topic'), stats.byTopic)),
        section('fig-lang', t('byLanguage'), barTable(t('lang'), stats.byLanguage, languageName))),
      section('fig-handovers', t('handovers'), h('dl', { class: 'facts' },
        h('dt', {}, t('st_open')), h('dd', {}, String(hv.open)),
        h('dt', {}, t('st_assigned')), h('dd', {}, String(hv.assigned)),
        h('dt', {}, t('st_closed')), h('dd', {}, String(hv.closed)),
        h('dt', {}, t('medianReply')), h('dd', {}, hv.medianMinutesToFirstReply === null ? '—' : String(hv.medianMinutesToFirstReply)))),
      section('fig-feedback', t('feedback'),
        h('div', { class: 'two' }, h('div', {}, h('h4', {}, t('helpfulByTopic')), shareTable(t('topic'), stats.feedback.byTopic)),
          h('div', {}, h('h4', {}, t('helpfulByLanguage')), shareTable(t('lang'), stats.feedback.byLanguage, languageName))),
        h('h4', {}, t('feedback')),
        feedback.length ? table(t('feedback'), [t('time'), t('question'), t('helpful'), t('comment'), t('topic'), t('lang')], feedback.map((f) => [
          h('time', { datetime: f.at }, when(f.at)), h('span', { dir: 'auto' }, f.question ?? '—'), f.helpful ? t('yes') : t('no'), h('span', { dir: 'auto' }, f.comment ?? '—'), f.topic ?? '—', languageName(f.language),
        ]), true) : h('p', {}, t('none'))),
    );
  }).catch((e) => fill(box, h('p', { role: 'alert', class: 'alert' }, errorMessage(e))));
}
