import { actorLevel, placeOf } from '../../actors/select-actors';
import { toActorRef } from '../../chat/actor-ref';
import type { Topic } from '../../chat/protocol';
import { cardFacetOf, followUpCardFacet, type CardFacet } from '../../answer/pick-parts';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

/** A first question's facet, when the facet model is fairly sure it asks about one part (the cost, the papers…). */
function askedFacet(f: { facet: string; p: number }): CardFacet | null {
  return f.p >= 0.5 ? cardFacetOf(f.facet) : null;
}

/** The answer from the best card (or the honest "I don't know"), optionally rewritten by an LLM. */
export const compose: TurnStep<TurnDeps> = {
  name: 'compose',
  async run(ctx, deps) {
    const lang = ctx.language!.lang;
    const place = ctx.place!;
    if (ctx.mode === 'unknown' || ctx.mode === 'decline') {
      const unknown = deps.composer.unknown(lang, ctx.tenant);
      ctx.answer = {
        language: lang, answer: unknown.text, details: null, answered: false, topic: null, sources: [],
        actors: unknown.actors.map((a) => toActorRef(a, ctx.tenant, lang)), handover: { offered: true },
      };
      ctx.answerLanguage = lang;
      note(ctx, this.name, 'I do not know; a person can help');
      return;
    }
    const top = ctx.retrieval!.results[0];
    const actorPlace = placeOf(place.tenant, place.region);
    // The place as the person wrote it, with the capital a name takes ("gent" typed in lower case is "Gent").
    const mentioned = place.mention?.text && place.mention.text === place.mention.text.toLocaleLowerCase(lang)
      ? place.mention.text.charAt(0).toLocaleUpperCase(lang) + place.mention.text.slice(1) : place.mention?.text;
    const namedPlace = place.mention && (place.tenant !== ctx.tenant || place.region !== ctx.tenant.region) ? mentioned ?? null : null;
    const composed = deps.composer.compose({
      card: top.card, lang, place: actorPlace, placeName: place.tenant?.name ?? null, namedPlace, question: ctx.message, concepts: ctx.retrieval!.concepts,
      facet: ctx.facet ? followUpCardFacet(ctx.facet.facet) : deps.questionModel?.facets ? askedFacet(deps.questionModel.facets.classify(ctx.message)) : null,
      // A follow-up on the same card answers only its new facet.
      followUp: ctx.followUp && ctx.state?.lastCardId === top.card.id,
    });
    let text = composed.text;
    ctx.mode = 'extractive';
    if (deps.llm) {
      const onDelta = ctx.onDelta;
      const generated = await deps.llm.generate({
        question: ctx.message, language: composed.language, card: top.card, extractive: composed.text, actors: composed.actors,
        onDelta: onDelta && ((piece) => onDelta(piece, composed.language)),
      });
      if (generated) {
        ctx.extractive = composed.text;
        text = generated;
        ctx.mode = 'llm';
      }
    }
    const actors = composed.actors.filter((a) => actorLevel(a, actorPlace) !== null);
    ctx.answer = {
      language: composed.language, answer: text, details: composed.details, answered: true, topic: top.card.topic as Topic, sources: composed.sources,
      actors: actors.map((a) => toActorRef(a, place.tenant, composed.language)), handover: { offered: false },
    };
    ctx.answerLanguage = composed.language;
    note(ctx, this.name, `${ctx.mode} from ${top.card.id} in ${composed.language}, ${actors.length} organisation(s)`);
  },
};
