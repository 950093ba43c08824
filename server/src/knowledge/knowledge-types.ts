import type { Language } from '../language/languages';
import type { CrisisKnowledge } from './load-crisis';
import type { TrainingData } from './load-training';
import type { Actor, CardMeta, GlossaryConcept, Region } from './schemas';

export interface CardText {
  lang: Language;
  title: string;
  questions: string[];
  summary: string;
  steps: string[];
  closing: string[];
  body: string;
}

export interface Card extends CardMeta {
  texts: Partial<Record<Language, CardText>>;
  dir: string;
}

export interface WelcomePoint {
  name: string;
  actorId: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Tenant {
  slug: string;
  nis: string;
  name: string;
  names: { nl?: string; fr?: string; de?: string; en?: string };
  region: Region;
  province: string | null;
  lat: number;
  lon: number;
  demo: boolean;
  welcome: WelcomePoint | null;
  allowedOrigins: string[];
  aliases: string[];
}

export interface KnowledgeBase {
  cards: Card[];
  actors: Actor[];
  tenants: Tenant[];
  glossary: GlossaryConcept[];
  /** Crisis vocabulary, routing and answers (knowledge/crisis/). */
  crisis: CrisisKnowledge;
  /** The question model's lines and the follow-up facets (knowledge/training/). */
  training: TrainingData;
  /** Content hash of every file under the knowledge folder; drives re-ingest. */
  hash: string;
}

export interface KnowledgeIssue {
  file: string;
  field: string;
  message: string;
}
