import { api, errorMessage, qs } from '../api';
import type { Ctx } from '../context';
import { alertBox, fill, h, statusBox, table } from '../dom';
import { languageName, t } from '../strings';
import type { QuestionGroup } from '../types';

/** Questions the assistant could not answer (or answered unsure), grouped; mark handled, export as eval cases. */
export function renderQuestions(root: HTMLElement, ctx: Ctx): void {
  const error = alertBox();
  const status = statusBox();
  const listBox = h('div', {}, h('p', {}, t('loading')));
  root.replaceChildren(
    h('h2', {}, t('questions')),
    h('p', {}, h('a', { href: `/api/admin/questions/unanswered/export${qs({ tenant: ctx.tenant })}`, download: '' }, t('exportEval'))),
    error, status, listBox);

  const counts = (r: Record<string, number>, name: (k: string) => string = (k) => k) =>
    h('ul', { class: 'plain' }, Object.entries(r).sort().map(([k, n]) => h('li', {}, `${name(k)}: ${n}`)));

  async function load() {
    try {
      const { groups } = await api<{ groups: QuestionGroup[] }>('GET', `/api/admin/questions/unanswered${qs({ tenant: ctx.tenant })}`);
      if (!groups.length) return fill(listBox, h('p', {}, t('none')));
      fill(listBox, table(t('questions'), [t('example'), t('count'), t('perWeek'), t('perLanguage'), t('handled')], groups.map((g) => [
        h('span', { dir: 'auto', lang: g.questions[0]?.language ?? undefined }, g.example),
        String(g.count),
        counts(g.byWeek),
        counts(g.byLanguage, languageName),
        g.handled ? t('yes') : h('button', { type: 'button', 'aria-label': `${t('markHandled')}: ${g.example.slice(0, 60)}`, onclick: () => mark(g) }, t('markHandled')),
      ]), true));
    } catch (e) {
      error.show(errorMessage(e));
    }
  }

  async function mark(g: QuestionGroup) {
    error.show(null);
    try {
      await api('POST', '/api/admin/questions/handled', { messageIds: g.messageIds });
      status.show(`${t('handled')}: ${g.example.slice(0, 60)}`);
      await load();
      listBox.querySelector<HTMLElement>('button')?.focus();
    } catch (e) {
      error.show(errorMessage(e));
    }
  }
  void load();
}
