import { withoutPersonalData } from '../../conversations/redact';
import type { Region } from '../../knowledge/schemas';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';
import { isFollowUp } from './understand-follow-up';

function withoutPlace(message: string, place: string): string {
  return message.replace(place, ' ').replace(/\s+/g, ' ').trim();
}

/** Which place the answer is for: one named now wins; a short follow-up keeps the last answer's place. */
export const understandPlace: TurnStep<TurnDeps> = {
  name: 'understand-place',
  run(ctx, deps) {
    const { tenant, state, message } = ctx;
    const named = deps.tenants.findPlace(message);
    const carried = !named && isFollowUp(message, state) && state?.lastPlace ? deps.tenants.placeFromKey(state.lastPlace) : null;
    const mention = named ?? carried;
    // "Brussels" said by someone in Schaerbeek means the region, not the City of Brussels' own services.
    const placeTenant = mention?.tenant && mention.tenant.slug !== tenant.slug && !(mention.tenant.slug === 'brussels' && tenant.region === 'brussels') ? mention.tenant : null;
    const region: Region = mention ? mention.region : tenant.region;
    const effective = placeTenant ?? (region === tenant.region ? tenant : null);
    const key = mention ? (placeTenant ? `${region}|${placeTenant.slug}` : region !== tenant.region ? region : null) : null;
    // The place steers the region filter; left in the wording it would pull towards cards that merely name
    // that city. Personal numbers go too: they are not what the question is about.
    const wording = withoutPersonalData(named ? withoutPlace(message, named.text) : message);
    ctx.place = { mention, named: !!named, region, tenant: effective, key, wording };
    note(ctx, this.name, mention ? `${named ? 'named' : 'carried'} ${mention.text} → ${region}${effective ? `/${effective.slug}` : ''}` : `tenant ${tenant.slug} (${region})`);
  },
};
