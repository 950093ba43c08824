import { describe, expect, it } from 'vitest';
import { redact } from '../../server/src/conversations/redact';

describe('redact', () => {
  it('removes emails, phone numbers, national register numbers and IBANs', () => {
    const text = 'Mail me at amina.k@example.com or call +32 470 12 34 56 / 0470123456. My number is 85.07.30-033.28, IBAN BE68 5390 0754 7034.';
    const out = redact(text);
    expect(out).not.toMatch(/example\.com|470|85\.07|5390/);
    expect(out).toContain('[email]');
    expect(out).toContain('[phone]');
    expect(out).toContain('[national-number]');
    expect(out).toContain('[iban]');
  });
  it('leaves ordinary questions alone', () => {
    expect(redact('How do I register in Genk in 2026?')).toBe('How do I register in Genk in 2026?');
  });
});
