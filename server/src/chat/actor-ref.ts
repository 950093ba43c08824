import type { Tenant } from '../knowledge/knowledge-types';
import type { Actor } from '../knowledge/schemas';
import type { Language } from '../language/languages';
import { hoursIn } from '../answer/create-composer';
import type { ActorRef } from './protocol';

/** An organisation as the API shows it: its name in the answer language and only the contacts we know. */
export function toActorRef(actor: Actor, tenant: Tenant | null, lang: Language): ActorRef {
  const local = actor.municipalities.length ? (tenant && actor.municipalities.includes(tenant.slug) ? tenant.slug : actor.municipalities[0]) : null;
  return {
    id: actor.id, name: actor.names[lang] ?? actor.name, description: actor.descriptions[lang] ?? null, hours: hoursIn(actor, lang), region: actor.region, municipality: local,
    address: actor.address, phone: actor.phone, email: actor.email, website: actor.website, languages: actor.languages,
  };
}
