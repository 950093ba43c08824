import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../server/src/retrieval/create-retriever';
import { HashedEmbeddings } from '../../server/src/retrieval/hashed-embeddings';
import { buildMatchQuery } from '../../server/src/retrieval/lexical-index';
import { normalizeText, tokensMatch } from '../../server/src/retrieval/text-normalize';
import { fixtureRetriever } from '../helpers/fixture-retriever';

let retriever: Retriever;
let cleanup: () => void;
beforeAll(async () => {
  const f = await fixtureRetriever();
  retriever = f.retriever;
  cleanup = () => {
    f.index.close();
    fs.rmSync(f.dataDir, { recursive: true, force: true });
  };
});
afterAll(() => cleanup());

describe('retriever', () => {
  it('finds the regional registration card for the region asked', async () => {
    const fl = await retriever.retrieve({ query: 'How do I register at the town hall?', lang: 'en', region: 'flanders', municipality: 'genk' });
    expect(fl.results[0].card.id).toBe('registration-arrival-flanders');
    const wa = await retriever.retrieve({ query: 'How do I register at the town hall?', lang: 'en', region: 'wallonia', municipality: 'liege' });
    expect(wa.results[0].card.id).toBe('registration-arrival-wallonia');
    expect(wa.results.map((r) => r.card.id)).not.toContain('registration-arrival-flanders');
  });

  it('never returns cards from another region', async () => {
    const r = await retriever.retrieve({ query: 'learn Dutch course', lang: 'en', region: 'wallonia' });
    expect(r.results.map((x) => x.card.id)).not.toContain('language-dutch-flanders');
  });

  it('meets a question through glossary concepts in another language', async () => {
    const r = await retriever.retrieve({ query: 'ik zoek mutuelle', lang: 'nl', region: 'flanders' });
    expect(r.results[0].card.id).toBe('health-insurance-fund');
    expect(r.concepts.map((c) => c.id)).toContain('health-insurance-fund');
  });

  it('tolerates a misspelling through character n-grams', async () => {
    const r = await retriever.retrieve({ query: 'helth insurence fund?', lang: 'en', region: 'brussels' });
    expect(r.results[0].card.id).toBe('health-insurance-fund');
  });

  it('is confident on a real question and not on an off-topic one', async () => {
    const good = await retriever.retrieve({ query: 'Which health insurance fund should I join?', lang: 'en', region: 'flanders' });
    const off = await retriever.retrieve({ query: 'What is the best pizza in town?', lang: 'en', region: 'flanders' });
    expect(good.confidence).toBeGreaterThan(0.5);
    expect(off.confidence).toBeLessThan(0.35);
  });
});

describe('text and embeddings', () => {
  it('folds accents and Arabic letter variants', () => {
    expect(normalizeText('Mutualité')).toBe('mutualite');
    expect(normalizeText('أسجل')).toBe(normalizeText('اسجل'));
  });
  it('matches plurals and Arabic particles', () => {
    expect(tokensMatch('ziekenfondsen', 'ziekenfonds')).toBe(true);
    expect(tokensMatch(normalizeText('والبلدية'), normalizeText('بلدية'))).toBe(true);
    expect(tokensMatch('town', 'townhall')).toBe(false);
  });
  it('builds an FTS5 OR query with prefix forms of long words', () => {
    expect(buildMatchQuery('Inschrijving gemeente?')).toBe('"inschrijving" OR "inschrijvi"* OR "gemeente" OR "gemeen"*');
    expect(buildMatchQuery('?!')).toBeNull();
  });
  it('embeds close wordings close together, unit-length, with no model', async () => {
    const e = new HashedEmbeddings({ dimensions: 512 });
    const [a, b, c] = await e.embedDocuments(['health insurance fund', 'helth insurence funds', 'learn French in Charleroi']);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.2);
  });
});
