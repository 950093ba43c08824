// Check digits that tell a real identifier from a run of digits that merely looks like one.

/** Luhn (mod 10), used by payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Belgian national register (and bis) number YYMMDD SSS CC: CC = 97 - (YYMMDDSSS mod 97), or for people born
 * from 2000 on, the same over "2" + YYMMDDSSS. Bis numbers add 20 or 40 to the month (40 when the sex is known).
 */
export function nationalNumberValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  const base = Number(digits.slice(2, 4)) < 60 && month <= 12 && day <= 31;
  if (!base) return false;
  const body = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  return 97 - (Number(body) % 97) === check || 97 - (Number(`2${body}`) % 97) === check;
}

/** Belgian eID card number NNN-NNNNNNN-CC: CC = the first ten digits mod 97 (97 when that is 0). */
export function eidCardNumberValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const rest = Number(digits.slice(0, 10)) % 97;
  return (rest === 0 ? 97 : rest) === Number(digits.slice(10));
}
