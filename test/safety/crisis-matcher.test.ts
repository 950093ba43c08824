import { describe, expect, it } from 'vitest';
import { createCrisisMatcher, parsePattern, type CrisisVocabulary } from '../../server/src/safety/crisis-matcher';
import { crisisWords, typoDistance } from '../../server/src/safety/crisis-text';

const vocab = (language: string, patterns: CrisisVocabulary['patterns'], notCrisis: string[] = []): CrisisVocabulary => ({ language, patterns, notCrisis });

const matcher = createCrisisMatcher([
  vocab('en', { suicide: ['kill myself', 'suicid*'], medical: ['not breathing', 'chest pain', '!unconscious'], 'urgent-doctor': ['doctor tonight'], poisoning: ['swallowed pills'] }, ['training', 'course', 'volunteer']),
  vocab('nl', { suicide: ['niet meer leven', 'zelfmoord*'] }),
  vocab('ar', { suicide: ['انتحر*', 'بدي موت'], medical: ['ما بيتنفس'] }),
  vocab('fa', { suicide: ['میخواهم بمیرم'] }),
  vocab('tr', { medical: ['nefes alam*', 'gogs* agri*'] }),
]);

describe('crisis text normalisation', () => {
  it('folds accents, letter variants, zero-width joiners and repeated letters', () => {
    expect(crisisWords('Je NE réspire plusss')).toEqual(['je', 'ne', 'respire', 'plus']);
    expect(crisisWords('نفس\u200cکشیدن')).toEqual(crisisWords('نفسکشیدن'));
    expect(crisisWords('أنا إنتحر')).toEqual(crisisWords('انا انتحر'));
    expect(crisisWords('heeeelp łódź')).toEqual(['help', 'lodz']);
  });

  it('counts one typo as one, and gives up beyond one', () => {
    expect(typoDistance('breathing', 'breathng')).toBe(1);
    expect(typoDistance('breathing', 'braething')).toBe(1);
    expect(typoDistance('breathing', 'brething')).toBe(1);
    expect(typoDistance('breathing', 'brthng')).toBe(2);
  });

  it('parses stems, infixes and the strong mark', () => {
    expect(parsePattern('!overdose')).toEqual({ strong: true, words: [{ kind: 'word', text: 'overdose' }] });
    expect(parsePattern('suicid*').words[0]).toEqual({ kind: 'prefix', text: 'suicid' });
    // Repeated letters collapse in patterns too, so "moord" and "mooord" meet.
    expect(parsePattern('*zelfmoord*').words[0]).toEqual({ kind: 'infix', text: 'zelfmord' });
  });
});

describe('crisis matcher', () => {
  it('finds a crisis in any language without being told the language', () => {
    expect(matcher.detect('ik wil niet meer leven')?.categories).toEqual(['suicide']);
    expect(matcher.detect('بدي انتحر، ما عاد فيني')?.categories).toEqual(['suicide']);
    expect(matcher.detect('babamin gogsu cok agriyor nefes alamiyor')?.categories).toEqual(['medical']);
  });

  it('forgives one typo, missing accents, shouting and Arabic particles', () => {
    expect(matcher.detect('my friend is not breathng')?.categories).toEqual(['medical']);
    expect(matcher.detect('I WANT TO KILL MYSELF!!!')?.categories).toEqual(['suicide']);
    expect(matcher.detect('i want to kil myself')?.categories).toEqual(['suicide']);
    expect(matcher.detect('وانتحرت امس تقريبا')?.categories).toEqual(['suicide']);
    expect(matcher.detect('بدي مووووت')?.categories).toEqual(['suicide']);
  });

  it('allows a few words between the words of a pattern, in order only', () => {
    expect(matcher.detect('kill the bugs in the code by myself')).toBeNull();
    expect(matcher.detect('going to kill really myself')?.categories).toEqual(['suicide']);
    expect(matcher.detect('myself kill')).toBeNull();
  });

  it('joins a word split in two', () => {
    expect(matcher.detect('zelf moord plegen')?.categories).toEqual(['suicide']);
    expect(matcher.detect('می خواهم بمیرم')?.categories).toEqual(['suicide']);
  });

  it('lets a subject word cancel a one-word match, never a stronger one', () => {
    expect(matcher.detect('suicide prevention training for teachers')).toBeNull();
    expect(matcher.detect('suicide')?.categories).toEqual(['suicide']);
    expect(matcher.detect('I want to kill myself, is there a course?')?.categories).toEqual(['suicide']);
    expect(matcher.detect('first-aid course: what if someone is unconscious')?.categories).toEqual(['medical']);
  });

  it('puts the most urgent category first and drops the doctor on duty when worse is going on', () => {
    expect(matcher.detect('i swallowed pills to kill myself')?.categories).toEqual(['poisoning', 'suicide']);
    expect(matcher.detect('chest pain, i need a doctor tonight')?.categories).toEqual(['medical']);
    expect(matcher.detect('i need a doctor tonight')?.categories).toEqual(['urgent-doctor']);
  });

  it('leaves ordinary questions alone', () => {
    for (const q of ['how do I register at the town hall', 'waar vind ik een huisarts', 'ما هو رقم الطوارئ', 'where do I report a stolen bike']) {
      expect(matcher.detect(q)).toBeNull();
    }
  });
});
