import { asksAboutAnotherCountry } from '../../tenants/foreign-places';
import { retrieveForTurn, type TurnRetrieval } from '../retrieve-for-turn';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

/**
 * Finds the card for the question among those valid where the person lives, and decides whether it is
 * sure enough to answer: a request we decline or a weak match becomes an honest "I don't know".
 */
export const retrieve: TurnStep<TurnDeps> = {
  name: 'retrieve',
  async run(ctx, deps) {
    const place = ctx.place!;
    let best: TurnRetrieval | null = null;
    for (const lang of ctx.language!.searchLangs) {
      const found = await retrieveForTurn({
        retriever: deps.retriever, message: place.wording || ctx.message, lang, region: place.region,
        municipality: place.tenant?.slug ?? null, state: ctx.state, minConfidence: deps.minConfidence,
      });
      if (!best || found.retrieval.confidence > best.retrieval.confidence) best = found;
    }
    const { retrieval, query } = best!;
    ctx.retrieval = retrieval;
    // Someone's personal file or a subject we do not cover is for a person, never for card text; another
    // country's procedures are out of scope even when the words match a Belgian card.
    const declined = retrieval.concepts.some((c) => c.intent === 'decline');
    const foreign = asksAboutAnotherCountry(ctx.message);
    ctx.confidence = declined ? 0 : foreign ? retrieval.confidence * 0.5 : retrieval.confidence;
    const top = retrieval.results[0];
    if (declined) {
      ctx.route = 'decline';
      ctx.mode = 'decline';
      note(ctx, this.name, `declined (${retrieval.concepts.filter((c) => c.intent === 'decline').map((c) => c.id).join(', ')})`);
    } else if (!top || ctx.confidence < deps.minConfidence) {
      ctx.mode = 'unknown';
      note(ctx, this.name, `not sure: ${top?.card.id ?? 'no card'} at ${ctx.confidence.toFixed(2)} < ${deps.minConfidence}${foreign ? ' (another country)' : ''}`);
    } else {
      ctx.query = query;
      note(ctx, this.name, `${top.card.id} at ${ctx.confidence.toFixed(2)}${query !== (place.wording || ctx.message) ? ` (as "${query.slice(0, 60)}")` : ''}`);
    }
  },
};
