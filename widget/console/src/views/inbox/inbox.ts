import { api, errorMessage, qs } from '../../api';
import type { Ctx } from '../../context';
import { alertBox, field, fill, h, select, table, when } from '../../dom';
import { languageName, t } from '../../strings';
import type { HandoverList, HandoverSummary } from '../../types';
import { refreshTranscript, renderDetail } from './detail';

const REFRESH_MS = 20_000;
const STATUSES = ['open', 'assigned', 'closed', 'all'] as const;
let status: (typeof STATUSES)[number] = 'open';

export const statusLabel = (s: string) => t(`st_${s}` as 'st_open');

/** The handover inbox: requests for a person, refreshed every 20 s, with one request's detail beside them. */
export function renderInbox(root: HTMLElement, ctx: Ctx): () => void {
  const filter = select(STATUSES.map((s) => [s, statusLabel(s)]), status);
  const refresh = h('button', { type: 'button' }, t('refresh'));
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
  const error = alertBox();
  const listBox = h('div', { class: 'list' }, h('p', {}, t('loading')));
  const detailBox = h('div', { class: 'detail-box' });
  root.replaceChildren(
    h('h2', {}, t('inbox')),
    h('div', { class: 'toolbar' }, field(t('status'), filter), refresh),
    live, error,
    h('div', { class: 'inbox' }, listBox, detailBox),
  );

  let known: Set<number> | null = null;
  let openId: number | null = null;

  async function load() {
    try {
      const { handovers } = await api<HandoverList>('GET', `/api/admin/handovers${qs({ status, tenant: ctx.tenant })}`);
      error.show(null);
      announceNew(handovers);
      drawList(handovers);
    } catch (e) {
      error.show(errorMessage(e));
    }
  }

  /** New open requests since the last look are announced (not on the first load). */
  function announceNew(list: HandoverSummary[]) {
    const fresh = list.filter((x) => x.status === 'open' && known && !known.has(x.id));
    known ??= new Set();
    for (const x of list) known.add(x.id);
    if (fresh.length) live.textContent = `${t('newRequests')} ${fresh.map((x) => `#${x.id} (${languageName(x.language)}${x.topic ? `, ${x.topic}` : ''})`).join(', ')}`;
  }

  function drawList(list: HandoverSummary[]) {
    if (!list.length) return fill(listBox, h('p', {}, t('none')));
    fill(listBox, table(t('requests'), [t('request'), t('time'), t('lang'), t('topic'), t('status'), t('actions')], list.map((x) => [
      `#${x.id}${ctx.tenant || ctx.user.tenants.length === 1 ? '' : ` · ${x.tenant}`}`,
      h('time', { datetime: x.createdAt }, when(x.createdAt)),
      languageName(x.language),
      x.topic ?? '—',
      h('span', { class: `badge ${x.status}` }, statusLabel(x.status)),
      h('button', { type: 'button', 'aria-label': `${t('open')} #${x.id}`, onclick: () => open(x.id) }, t('open')),
    ])));
  }

  function open(id: number) {
    openId = id;
    void renderDetail(detailBox, ctx, id, { changed: load, focus: true });
    void load();
  }

  filter.addEventListener('change', () => {
    status = filter.value as typeof status;
    void load();
  });
  refresh.addEventListener('click', () => void load());
  void load();
  const timer = setInterval(() => {
    void load();
    if (openId !== null) refreshTranscript(detailBox, openId).catch(() => undefined);
  }, REFRESH_MS);
  return () => clearInterval(timer);
}
