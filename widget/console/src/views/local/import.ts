import { api, errorMessage, qs } from '../../api';
import { alertBox, field, fill, h, statusBox, table } from '../../dom';
import { t } from '../../strings';
import type { ImportResult } from '../../types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import a CSV/XLSX (a dry run first, then apply) and export links. */
export function importExport(tenant: string, changed: () => void): HTMLElement {
  const file = h('input', { type: 'file', accept: '.csv,.xlsx,text/csv,' + XLSX });
  const check = h('button', { type: 'submit' }, t('checkFile'));
  const apply = h('button', { type: 'button', class: 'primary', hidden: true }, t('applyImport'));
  const result = h('div', { class: 'import-result' });
  const error = alertBox();
  const status = statusBox();

  async function run(dryRun: boolean) {
    const f = file.files?.[0];
    if (!f) return file.focus();
    error.show(null);
    const type = /\.xlsx$/i.test(f.name) ? XLSX : 'text/csv';
    try {
      const r = await api<ImportResult>('POST', `/api/admin/actors/import${qs({ tenant, dryRun: dryRun ? 1 : undefined, filename: f.name })}`, undefined, { raw: { body: f, type } });
      show(r);
      apply.hidden = !dryRun || !(r.created.length || r.updated.length || r.removed.length);
      status.show(dryRun ? t('dryRunDone') : t('importDone'));
      if (!dryRun) changed();
    } catch (e) {
      apply.hidden = true;
      error.show(errorMessage(e));
    }
  }

  function show(r: ImportResult) {
    const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
    fill(result,
      table(t('importTitle'), [t('action'), t('organisations')], [
        [t('created'), list(r.created)], [t('updated'), list(r.updated)], [t('removed'), list(r.removed)], [t('unknownColumns'), list(r.unknownColumns)],
      ], true),
      r.problems.length ? table(t('problems'), [t('target'), t('problems')], r.problems.map((p) => [p.where, p.reason])) : null,
    );
  }

  const form = h('form', { class: 'import' }, field(t('importFile'), file), h('div', { class: 'buttons' }, check, apply), error, status, result);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(true);
  });
  apply.addEventListener('click', () => void run(false));
  file.addEventListener('change', () => {
    apply.hidden = true;
    result.replaceChildren();
  });
  const link = (format: string, key: 'exportCsv' | 'exportXlsx') => h('a', { href: `/api/admin/actors/export${qs({ tenant, format })}`, download: '' }, t(key));
  return h('div', {}, form, h('p', { class: 'buttons' }, link('csv', 'exportCsv'), ' ', link('xlsx', 'exportXlsx')));
}
