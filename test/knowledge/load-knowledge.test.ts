import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, coverageMatrix } from '../../server/src/knowledge/check-knowledge';
import { loadKnowledge } from '../../server/src/knowledge/load-knowledge';
import { parseCardBody } from '../../server/src/knowledge/parse-frontmatter';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/test-app';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function copyFixture(): string {
  const dir = tempDir('wd-kb-');
  dirs.push(dir);
  fs.cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

describe('knowledge loader', () => {
  it('loads the fixture set without problems', () => {
    const { knowledge, issues } = loadKnowledge(FIXTURE_KNOWLEDGE);
    expect(issues).toEqual([]);
    expect(checkKnowledge(knowledge)).toEqual([]);
    expect(knowledge.cards.map((c) => c.id).sort()).toContain('health-insurance-fund');
    const genk = knowledge.tenants.find((t) => t.slug === 'genk')!;
    expect(genk.welcome).toMatchObject({ actorId: 'genk-population-service', website: 'https://www.genk.be/' });
  });

  it('falls back to the population service as the welcome point of a municipality without one', () => {
    const { knowledge } = loadKnowledge(FIXTURE_KNOWLEDGE);
    const hasselt = knowledge.tenants.find((t) => t.slug === 'hasselt')!;
    expect(hasselt.welcome).toMatchObject({ actorId: 'hasselt-population-service', name: 'Stad Hasselt — dienst Bevolking', website: null });
    expect(knowledge.tenants.find((t) => t.slug === 'charleroi')!.welcome).toBeNull();
  });

  it('names the file and the field of a bad value', () => {
    const dir = copyFixture();
    const file = path.join(dir, 'cards/health/health-insurance-fund/card.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('topic: health', 'topic: healthcare').replace('https://www.inami.fgov.be/', 'not a url'));
    const { issues } = loadKnowledge(dir);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'cards/health/health-insurance-fund/card.md', field: 'topic' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'cards/health/health-insurance-fund/card.md', field: 'sources.0.url' }));
  });

  it('rejects malformed phones and emails in actors, with the actor named', () => {
    const dir = copyFixture();
    const file = path.join(dir, 'actors/actors.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: CRIPEL', 'name: CRIPEL\n  phone: call us!\n  email: nobody-at-example'));
    const fields = loadKnowledge(dir).issues.map((i) => `${i.file} ${i.field}`);
    expect(fields).toContain('actors/actors.yaml [4:cripel].phone');
    expect(fields).toContain('actors/actors.yaml [4:cripel].email');
  });

  it('catches broken references and incomplete cards marked complete', () => {
    const dir = copyFixture();
    const file = path.join(dir, 'cards/health/health-insurance-fund/card.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('complete: false', 'complete: true').replace('concepts: [health-insurance-fund]', 'concepts: [no-such-concept]').replace('regions: [all]', 'regions: [all]\nmunicipalities: [atlantis]'));
    const messages = checkKnowledge(loadKnowledge(dir).knowledge).map((i) => `${i.field}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^complete: marked complete but missing de, ar|^complete: marked complete but missing/));
    expect(messages).toContain('concepts: unknown glossary concept "no-such-concept"');
    expect(messages).toContain('municipalities: unknown tenant "atlantis"');
  });

  it('checks the municipality counts per region when asked', () => {
    const issues = checkKnowledge(loadKnowledge(FIXTURE_KNOWLEDGE).knowledge, { expectMunicipalityCounts: true });
    expect(issues.map((i) => i.message)).toContain('flanders has 4 municipalities, expected 285');
  });

  it('reports coverage by topic, region and language', () => {
    const matrix = coverageMatrix(loadKnowledge(FIXTURE_KNOWLEDGE).knowledge);
    expect(matrix.health.brussels).toEqual(['en', 'nl', 'fr', 'ar']);
    expect(matrix.registration.brussels).toEqual([]);
  });

  it('splits a card body into answer, steps and closing', () => {
    expect(parseCardBody('Answer first.\n\n- one\n- two\n\nCheck the website.')).toEqual({ summary: 'Answer first.', steps: ['one', 'two'], closing: ['Check the website.'] });
  });
});
