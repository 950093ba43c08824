import { CANNED, fill } from '../../answer/canned-messages';
import { toActorRef } from '../../chat/actor-ref';
import { tokenize } from '../../retrieval/text-normalize';
import { classifierOnly } from '../../safety/crisis-detector';
import type { Language } from '../../language/languages';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note, type TurnContext } from '../turn-context';

function cannedAnswer(ctx: TurnContext, lang: Language, text: string) {
  ctx.answer = { language: lang, answer: text, details: null, answered: true, topic: null, sources: [], actors: [], handover: { offered: false } };
  ctx.answerLanguage = lang;
  ctx.confidence = 1;
  ctx.ended = true;
}

/**
 * Decides what kind of answer the turn gets. A person in danger comes first, whatever else the message
 * looks like (issue 8); then, while a clerk is answering the conversation, the assistant stays quiet
 * (issue 12); then greetings and thanks; then a lone place name gets the menu; the rest is a
 * question for retrieval (which may still end in "I don't know").
 */
export const route: TurnStep<TurnDeps> = {
  name: 'route',
  run(ctx, deps) {
    const lang = ctx.language!.lang;
    if (ctx.crisis) {
      const answer = deps.crisis.responder.answer(ctx.crisis.categories, ctx.place!.region, lang, { unsure: classifierOnly(ctx.crisis) });
      ctx.crisisAnswer = answer;
      ctx.answer = {
        language: answer.language, answer: answer.text, details: null, answered: true, topic: 'emergency',
        sources: answer.actors.flatMap((a) => a.sources.slice(0, 1).map((s) => ({ id: a.id, title: s.title, url: s.url }))),
        actors: answer.actors.map((a) => toActorRef(a, ctx.place!.tenant, answer.language)),
        handover: { offered: false },
        crisis: { category: answer.category, calls: answer.calls.map(({ label, number, tel }) => ({ label, number, tel })) },
      };
      ctx.answerLanguage = answer.language;
      ctx.confidence = 1;
      ctx.route = 'crisis';
      ctx.mode = 'crisis';
      ctx.ended = true;
      note(ctx, this.name, `crisis: ${answer.category}, leads with ${answer.calls[0]?.number ?? '?'}`);
      return;
    }
    if (ctx.human) {
      const where = ctx.tenant.welcome?.name ?? ctx.tenant.name;
      cannedAnswer(ctx, lang, fill(CANNED[lang].humanAnswering, { name: where }));
      ctx.answer!.human = { handoverId: ctx.human.handoverId };
      ctx.route = 'human';
      ctx.mode = 'human';
      note(ctx, this.name, `a person is answering (handover ${ctx.human.handoverId}): the assistant stays quiet`);
      return;
    }
    const talk = ctx.smallTalk;
    if (talk) {
      const { previous, hint } = ctx.language!;
      const replyLang = talk.langs.includes(lang) || !talk.langs.length || previous ? lang : talk.langs.includes(hint as Language) ? (hint as Language) : talk.langs[0];
      cannedAnswer(ctx, replyLang, CANNED[replyLang][talk.kind]);
      ctx.route = 'small-talk';
      ctx.mode = 'small-talk';
      note(ctx, this.name, `small talk (${talk.kind}) in ${replyLang}`);
      return;
    }
    // Only a place name (or only a phone number), with nothing before it to follow up: say what we can do.
    if (!tokenize(ctx.place!.wording).length && !ctx.state?.lastQuery) {
      cannedAnswer(ctx, lang, CANNED[lang].greeting);
      ctx.route = 'menu';
      ctx.mode = 'menu';
      note(ctx, this.name, 'nothing to search for: the menu');
      return;
    }
    ctx.route = 'answer';
    note(ctx, this.name, 'answer from the knowledge');
  },
};
