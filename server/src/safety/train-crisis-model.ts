import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { augment, latinCopies } from '../question-model/augment';
import { loadClassifier, trainClassifier, type Classifier, type FastTextParams } from '../question-model/fasttext';
import { isDev, modelText } from '../question-model/training-corpus';
import { NONE, classifierText, crisisSignals, isCrisis, isShortFollowUp, readWithClassifier, type CrisisModelMeta, type CrisisThresholds } from './crisis-detector';
import type { CrisisMatcher } from './crisis-matcher';
import { countWords, supportOf, supportTable } from './crisis-word-support';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Chosen on the held-out examples (docs/evals.md): word trigrams and 3–6 letter n-grams read phrasing best.
const PARAMS: FastTextParams = { epoch: 20, lr: 0.6, dim: 24, wordNgrams: 3, minn: 3, maxn: 6, bucket: 100_000, minCount: 1, seed: 13 };
const MODEL_VERSION = 14;
// Ordinary questions (not about emergencies) teach what is not a crisis. Cards about urgent situations are
// not ordinary even outside the emergency topic: "chest pain, emergency or GP?" must never teach the
// classifier that such words are safe. Having nowhere to sleep tonight is urgent too, but none of the crisis
// answers helps with it: the homeless card (emergency shelters, the social welfare centre) does, so its
// questions are ordinary here.
const SAFE_TOPICS_EXCLUDED = new Set(['emergency']);
const URGENT_CARDS = new Set(['health-hospital-emergency']);

export function crisisModelDir(dataDir: string): string {
  return path.join(dataDir, 'crisis-model');
}

export function crisisFingerprint(kb: KnowledgeBase): string {
  return `${kb.hash}:c${MODEL_VERSION}:${JSON.stringify(PARAMS)}`;
}

interface Row { label: string; kind: 'crisis' | 'about' | 'ordinary'; lang: string; text: string; dev: boolean; batch: number; followUp?: boolean }

/** One-word place names: the classifier reads messages without them (they say nothing about danger). */
export function placeWords(kb: Pick<KnowledgeBase, 'tenants'>): Set<string> {
  const words = new Set<string>();
  for (const t of kb.tenants) for (const n of [...Object.values(t.names), ...t.aliases]) for (const w of modelText(n ?? '').split(' ')) if (w.length >= 3) words.add(w);
  return words;
}

function rows(kb: KnowledgeBase): Row[] {
  const places = placeWords(kb);
  const clean = (text: string) => classifierText(text, places);
  const topics = new Map(kb.cards.map((c) => [c.id, c]));
  const out: Row[] = kb.crisis.examples.map((e) => ({
    label: e.label === 'not-crisis' ? NONE : e.label, kind: e.label === 'not-crisis' ? 'about' : 'crisis', lang: e.lang, text: clean(e.text), dev: e.index % 5 === 4, batch: e.batch,
  }));
  for (const l of kb.training.lines) {
    const card = topics.get(l.label);
    if (card && (SAFE_TOPICS_EXCLUDED.has(card.topic) || URGENT_CARDS.has(card.id) || card.id.startsWith('health-mental'))) continue;
    const text = modelText(l.text);
    out.push({ label: NONE, kind: 'ordinary', lang: l.lang, text: clean(l.text), dev: isDev(l.label, l.lang, text), batch: 0 });
  }
  // Short follow-ups ("and in Brussels?", "what does it cost?") are ordinary too, and unlike anything above.
  for (const f of kb.training.facets) out.push({ label: NONE, kind: 'ordinary', lang: f.lang, text: clean(f.text), dev: f.index % 5 === 4, batch: 0, followUp: true });
  return out.filter((r) => r.text);
}

// The false alarms we accept on held-out examples. The "about the subject" examples are near-misses written
// to be hard ("this exam will kill me", "what if my child swallowed a pill, asking in advance"); 5 % of them
// corresponds to about 2 % of the evals' control sets, where issue 8 asks for at most 3 %. At 3 % here the
// thresholds were so strict that new writers' crises went unrecognised (recall 0.74 out of batch, 0.82 now).
const MAX_ABOUT_FALSE_ALARMS = 0.05;
const MAX_ORDINARY_FALSE_ALARMS = 0.01;
// The word support a verdict of the classifier alone may need (crisis-word-support.ts), chosen with the others.
const SUPPORT_LEVELS = [0, 0.7, 0.8, 0.9];
// How sure the classifier must be that a message is NOT a crisis to cancel a vocabulary match of two words or
// more ("в доме пожар, куда звонить?"). Never more than 0.001: with the word support above, the search pushed it
// to 0.01, where a house on fire or a fall may be cancelled (issue 8 puts recall first).
const STRONG_FLOORS = [0, 0.0005, 0.001];

/** Runs the jobs two at a time, results in order. */
async function inPairs<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < jobs.length; i += 2) out.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => job()))));
  return out;
}

/** Trains the classifier and chooses its thresholds on held-out examples; null without examples. */
export async function trainCrisisModel(kb: KnowledgeBase, matcher: CrisisMatcher, params: FastTextParams = PARAMS): Promise<{ bytes: Uint8Array; meta: CrisisModelMeta } | null> {
  if (!kb.crisis.examples.length) return null;
  const started = Date.now();
  const all = rows(kb);
  // The examples get augmented copies (typos, borrowed terms); the many ordinary questions do not need them.
  // Every line in Cyrillic or Ge'ez, crisis or not, also teaches in Latin letters: were only the crises
  // copied, Latin letters would themselves look like danger.
  const prepare = (rs: Row[]) => [
    ...augment(rs.filter((r) => r.kind !== 'ordinary').map((r) => ({ ...r, dev: false, source: 'training' as const })), kb.glossary, 17),
    ...rs.filter((r) => r.kind === 'ordinary'),
    ...latinCopies(rs.map((r) => ({ ...r, dev: false })), 19),
  ];
  const read = (c: Classifier, rs: Row[]) => rs.map((r) => ({ ...r, ...matcher.analyse(r.text), reading: readWithClassifier(c, r.text) }));
  const batches = [...new Set(all.filter((r) => r.kind !== 'ordinary').map((r) => r.batch))].sort((x, y) => x - y);
  let trained: { classifier: Classifier; bytes: Uint8Array };
  let dev: ReturnType<typeof read>;
  if (batches.length >= 2) {
    // Thresholds from out-of-batch readings. Each batch of examples was written by a different person; a
    // model that never saw a batch reads it the way it reads a stranger's message. A random fifth of one
    // writer's lines is read with near certainty either way, so thresholds chosen there were too strict for
    // new writers (issue 8: a third batch of examples made a fresh crisis set's recall fall). The final model
    // learns every example and every ordinary question, the dev share too, once the thresholds are chosen:
    // "no tengo donde dormir esta noche" was left to the dev share, and the model read the like as a crisis.
    // Two trainings at a time, each in its own worker thread (two cores).
    const jobs = [...batches.map((b) => () => trainClassifier(prepare(all.filter((r) => (r.kind === 'ordinary' ? !r.dev : r.batch !== b))), params)),
      () => trainClassifier(prepare(all), params)];
    const models = await inPairs(jobs);
    dev = batches.flatMap((b, i) => read(models[i].classifier, all.filter((r) => (r.kind === 'ordinary' ? r.dev : r.batch === b))));
    for (const m of models.slice(0, batches.length)) m.classifier.dispose();
    trained = models[batches.length];
  } else {
    trained = await trainClassifier(prepare(all.filter((r) => !r.dev)), params);
    dev = read(trained.classifier, all.filter((r) => r.dev));
  }
  // The follow-ups are read as the detector reads them in a conversation: a short one is a crisis only by the
  // vocabulary (createCrisisDetector), which these thresholds do not change, so "und nachts?" is left out of
  // the choice altogether (neither a false alarm nor a question that dilutes the budget). Counted as first
  // messages, such lines were a third of the ordinary false alarms and held every threshold up (issue 8).
  dev = dev.filter((r) => !(r.followUp && isShortFollowUp(r.text)));
  const { bytes } = trained;
  const kinds: Row['kind'][] = ['crisis', 'about', 'ordinary'];
  const kindOf = dev.map((r) => kinds.indexOf(r.kind));
  const count = kinds.map((_, k) => Math.max(1, kindOf.filter((x) => x === k).length));
  // Each row reduced once to the values the decision looks at; the grid below only compares numbers.
  // Word support as a stranger's message gets it: the counts without the row's own batch of examples.
  const counts = countWords(all);
  const signals = dev.map((r) => crisisSignals(r.verdict, r.reading, r.vetoed, r.settled, supportOf(r.text, counts, r.kind === 'ordinary' ? undefined : r.batch)));
  const rate = (kind: Row['kind'], t: CrisisThresholds) => signals.filter((s, i) => kindOf[i] === kinds.indexOf(kind) && isCrisis(s, t)).length / count[kinds.indexOf(kind)];
  // The most recall within the false alarms we accept; beyond them each point of false alarms costs ten
  // of recall (so that a knowledge set that cannot meet them still gets the least bad thresholds).
  let best = { alone: 0.5, aloneAbout: 0.5, floor: 0.05, strongFloor: 0.001, support: 0, score: -Infinity };
  const hits = [0, 0, 0];
  for (const support of SUPPORT_LEVELS) for (const floor of [0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5]) {
    for (const strongFloor of STRONG_FLOORS) {
      if (strongFloor > floor) continue;
      // A few seconds of grid search in all: the event loop gets a turn at each step.
      await nextTurn();
      for (let a = 10; a <= 99; a++) {
        const alone = a / 100;
        for (const aloneAbout of [alone, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99]) {
          if (aloneAbout < alone) continue;
          const t = { alone, aloneAbout, floor, strongFloor, support };
          hits.fill(0);
          for (let i = 0; i < signals.length; i++) if (isCrisis(signals[i], t)) hits[kindOf[i]]++;
          const excess = Math.max(0, hits[1] / count[1] - MAX_ABOUT_FALSE_ALARMS) + Math.max(0, hits[2] / count[2] - MAX_ORDINARY_FALSE_ALARMS);
          const score = hits[0] / count[0] - 10 * excess;
          if (score > best.score + 1e-9) best = { alone, aloneAbout, floor, strongFloor, support, score };
        }
      }
    }
  }
  const thresholds = { alone: best.alone, aloneAbout: best.aloneAbout, floor: best.floor, strongFloor: best.strongFloor, support: best.support };
  const report = {
    examples: kb.crisis.examples.length, outOfBatch: batches.length >= 2, devCrises: dev.filter((r) => r.kind === 'crisis').length,
    devRecall: rate('crisis', thresholds), devRecallVocabularyOnly: dev.filter((r) => r.kind === 'crisis' && r.verdict).length / Math.max(1, dev.filter((r) => r.kind === 'crisis').length),
    devFalseAlarmsAboutTheSubject: rate('about', thresholds), devFalseAlarmsOrdinary: rate('ordinary', thresholds),
    ...thresholds, seconds: (Date.now() - started) / 1000,
  };
  return { bytes, meta: { fingerprint: crisisFingerprint(kb), ...thresholds, supportWords: supportTable(counts, best.support), report } };
}

/** Loads the crisis model, training it first when missing or stale (it is small: seconds). */
export async function ensureCrisisModel(kb: KnowledgeBase, dataDir: string, matcher: CrisisMatcher): Promise<{ classifier: Classifier; meta: CrisisModelMeta } | null> {
  const dir = crisisModelDir(dataDir);
  const metaFile = path.join(dir, 'meta.json');
  let current = false;
  try {
    current = (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as CrisisModelMeta).fingerprint === crisisFingerprint(kb) && fs.existsSync(path.join(dir, 'model.bin'));
  } catch {
    current = false;
  }
  if (!current) {
    const trained = await trainCrisisModel(kb, matcher);
    if (!trained) return null;
    const staging = `${dir}.staging-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(path.join(staging, 'model.bin'), trained.bytes);
    fs.writeFileSync(path.join(staging, 'meta.json'), JSON.stringify(trained.meta, null, 1));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  }
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as CrisisModelMeta;
  return { classifier: await loadClassifier(pathToFileURL(path.join(dir, 'model.bin')).href), meta };
}
