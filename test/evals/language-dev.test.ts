import { describe, expect, it } from 'vitest';
import { LANGUAGE_DEV_FLOORS, runLanguageDev } from '../../evals/language-suite/run-language-suite';

// Issue 9, language: the development sets of short messages and of languages we do not serve keep their floors.
describe('language identification on the development sets', () => {
  it('answers short messages in their language and recognises languages we do not serve', async () => {
    const run = await runLanguageDev();
    expect(run.short.n).toBe(450);
    expect(run.unsupported.n).toBeGreaterThan(400);
    expect(run.short.rate, run.failures.filter((f) => f.startsWith('short')).join('\n')).toBeGreaterThanOrEqual(LANGUAGE_DEV_FLOORS.short);
    expect(run.unsupported.rate, run.failures.filter((f) => f.startsWith('unsupported')).join('\n')).toBeGreaterThanOrEqual(LANGUAGE_DEV_FLOORS.unsupported);
  }, 120_000);
});
