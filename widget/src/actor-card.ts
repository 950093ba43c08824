import type { ActorRef, SourceRef } from '../../server/src/chat/protocol';
import { h } from './dom';
import type { UiStrings } from './i18n';
import { safeHref } from './markdown';

export interface ActorLink { kind: 'call' | 'email' | 'website' | 'map'; href: string; text: string }

/** Tappable links for an organisation: tel:, mailto:, its website, and a map when it has an address. */
export function actorLinks(actor: ActorRef, s: UiStrings): ActorLink[] {
  const links: ActorLink[] = [];
  const phone = (actor.phone ?? '').replace(/[^\d+]/g, '');
  if (phone.length >= 3) links.push({ kind: 'call', href: `tel:${phone}`, text: `${s.call}: ${actor.phone!.trim()}` });
  const email = (actor.email ?? '').trim();
  if (/^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(email)) {
    links.push({ kind: 'email', href: `mailto:${email}`, text: `${s.email}: ${email}` });
  }
  const site = actor.website ? safeHref(actor.website) : null;
  if (site && /^https?:/i.test(site)) links.push({ kind: 'website', href: site, text: `${s.website}: ${hostOf(site)}` });
  const address = (actor.address ?? '').trim();
  if (address) {
    links.push({ kind: 'map', href: `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`, text: s.map });
  }
  return links;
}

const hostOf = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, '').replace(/[/?#].*$/, '');

function link(l: { href: string; text: string }, cls?: string): HTMLAnchorElement {
  const external = /^https?:/i.test(l.href);
  return h('a', { href: l.href, class: cls, target: external ? '_blank' : null, rel: external ? 'noopener noreferrer' : null }, l.text);
}

export function renderActorCards(actors: ActorRef[], s: UiStrings): HTMLElement | null {
  if (!actors.length) return null;
  const list = h('ul', { class: 'cards' });
  for (const actor of actors) {
    const actions = h('div', { class: 'actions' });
    for (const l of actorLinks(actor, s)) actions.appendChild(link(l, `act ${l.kind}`));
    list.appendChild(
      h('li', { class: 'card' },
        h('strong', { class: 'name' }, actor.name),
        actor.description ? h('span', { class: 'desc' }, actor.description) : null,
        actor.hours ? h('span', { class: 'hours' }, actor.hours) : null,
        actor.address ? h('span', { class: 'addr' }, actor.address) : null,
        actions.firstChild ? actions : null),
    );
  }
  return list;
}

export function renderSources(sources: SourceRef[], s: UiStrings): HTMLElement | null {
  const seen = new Set<string>();
  const items = sources.filter((src) => {
    const key = src.url ?? src.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!items.length) return null;
  const list = h('ul');
  for (const src of items) {
    const href = src.url ? safeHref(src.url) : null;
    list.appendChild(h('li', {}, href && /^https?:/i.test(href) ? link({ href, text: src.title }) : src.title));
  }
  return h('div', { class: 'sources' }, h('span', { class: 'sources-h' }, s.sources), list);
}
