import { api, errorMessage, qs } from '../api';
import type { Ctx } from '../context';
import { fill, h, table, when } from '../dom';
import { t } from '../strings';
import type { AuditEntry } from '../types';

/** Who changed what, newest first. */
export function renderAudit(root: HTMLElement, ctx: Ctx): void {
  const box = h('div', {}, h('p', {}, t('loading')));
  root.replaceChildren(h('h2', {}, t('audit')), box);
  api<{ entries: AuditEntry[] }>('GET', `/api/admin/audit${qs({ tenant: ctx.tenant })}`).then(({ entries }) => {
    if (!entries.length) return fill(box, h('p', {}, t('none')));
    fill(box, table(t('audit'), [t('time'), t('user'), t('municipality'), t('action'), t('target')], entries.map((e) => [
      h('time', { datetime: e.createdAt }, when(e.createdAt)), e.userId === null ? '—' : String(e.userId), e.tenant ?? '—', e.action, e.target ?? '—',
    ]), true));
  }).catch((e) => fill(box, h('p', { role: 'alert', class: 'alert' }, errorMessage(e))));
}
