import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { createCrisisResponder, type CrisisResponder } from './crisis-answer';
import { createCrisisDetector, type CrisisDetector } from './crisis-detector';
import { createCrisisMatcher } from './crisis-matcher';
import { ordinaryWords } from './ordinary-words';
import { smallTalkWords } from '../language/small-talk-words';
import { ensureCrisisModel, placeWords } from './train-crisis-model';

/** The crisis step's collaborators: who is in danger (detector) and what to tell them (responder). */
export interface CrisisSafety {
  detector: CrisisDetector;
  responder: CrisisResponder;
  /** Whether the example-trained classifier takes part (false: the vocabulary alone decides). */
  classifier: boolean;
}

export async function createCrisisSafety(kb: KnowledgeBase, dataDir: string): Promise<CrisisSafety> {
  if (!kb.crisis.routing) throw new Error('knowledge/crisis/routing.yaml is missing');
  const places = placeWords(kb);
  const matcher = createCrisisMatcher(kb.crisis.vocabularies, { ordinaryWords: ordinaryWords(kb), neutralWords: [...smallTalkWords(), ...places] });
  const model = await ensureCrisisModel(kb, dataDir, matcher);
  return {
    detector: createCrisisDetector(matcher, model, places),
    responder: createCrisisResponder({ routing: kb.crisis.routing, answers: kb.crisis.answers, actors: kb.actors }),
    classifier: !!model,
  };
}
