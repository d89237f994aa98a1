// The Dutch citizen service number (BSN) passes the "elfproef": 9 digits d1..d9 with
// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zeros).
export function isValidBsn(s: string): boolean {
  if (!/^\d{9}$/.test(s) || s === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(s[i]) * (9 - i);
  sum -= Number(s[8]);
  return sum % 11 === 0;
}

/**
 * A BSN as people write it: letters are often grouped as 1234.56.782 or 123 456 782. Spaces, dots
 * and hyphens between the digits are dropped; anything else is left for the check to refuse.
 */
export function bsnDigits(s: string): string {
  return s.trim().replace(/[\s.-]/g, '');
}

/**
 * Why `s` is not a BSN, told apart because the advice differs: not 9 digits (a digit missing, a
 * letter) or 9 digits that fail the eleven-test (most often one digit copied wrongly, or two swapped).
 */
export type BsnProblem = 'bsn-format' | 'bsn-eleven-test';

export function bsnProblem(s: string): BsnProblem | undefined {
  const d = bsnDigits(s);
  if (!/^\d{9}$/.test(d)) return 'bsn-format';
  return isValidBsn(d) ? undefined : 'bsn-eleven-test';
}
