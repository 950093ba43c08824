import { describe, expect, it } from 'vitest';
import { seededRandom, withTypos } from '../../server/src/question-model/augment';
import { fitLogistic, predictLogistic } from '../../server/src/question-model/logistic';
import { calibrate } from '../../server/src/question-model/question-model';
import { argmaxSmoothed } from '../../server/src/question-model/train-question-model';
import { isDev, OUT_OF_SCOPE } from '../../server/src/question-model/training-corpus';

describe('logistic regression', () => {
  it('learns which feature predicts the label', () => {
    const rnd = seededRandom(3);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const signal = rnd();
      X.push([signal, rnd()]); // the second feature is noise
      y.push(signal > 0.5 ? 1 : 0);
    }
    const m = fitLogistic(['signal', 'noise'], X, y);
    expect(Math.abs(m.weights[0])).toBeGreaterThan(5 * Math.abs(m.weights[1]));
    expect(predictLogistic(m, [0.9, 0.5])).toBeGreaterThan(0.8);
    expect(predictLogistic(m, [0.1, 0.5])).toBeLessThan(0.2);
  });
});

describe('calibration', () => {
  it('renormalises over the cards allowed for the place, keeping "out of scope"', () => {
    const raw = [{ label: 'a', p: 0.5 }, { label: 'b', p: 0.3 }, { label: OUT_OF_SCOPE, p: 0.2 }];
    const out = calibrate(raw, new Set(['b']), 1);
    expect(out.cards.map((c) => c.id)).toEqual(['b']);
    expect(out.cards[0].p + out.outOfScope).toBeCloseTo(1);
    // A higher temperature flattens the distribution.
    expect(calibrate(raw, new Set(['a', 'b']), 3).cards[0].p).toBeLessThan(calibrate(raw, new Set(['a', 'b']), 1).cards[0].p);
  });
});

describe('training data', () => {
  it('adds the same typos for the same seed', () => {
    const a = withTypos('where can i register my address', seededRandom(7));
    expect(withTypos('where can i register my address', seededRandom(7))).toBe(a);
    expect(a).not.toBe('where can i register my address');
  });

  it('splits dev lines by content, so adding lines elsewhere never moves them', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `question number ${i}`);
    const dev = lines.filter((l) => isDev('card', 'en', l));
    expect(dev.length / lines.length).toBeGreaterThan(0.08);
    expect(dev.length / lines.length).toBeLessThan(0.16);
    expect(lines.filter((l) => isDev('card', 'en', l))).toEqual(dev);
  });

  it('chooses the threshold at the peak of the averaged curve, not at a lone spike', () => {
    const curve = [0.5, 0.9, 0.5, 0.5, 0.7, 0.8, 0.8, 0.8, 0.7, 0.5];
    expect(argmaxSmoothed(curve, 0)).toBe(1);
    expect(argmaxSmoothed(curve, 2)).toBe(6);
  });
});
