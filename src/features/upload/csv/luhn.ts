/**
 * Luhn (mod 10) sum of a digit string, the rightmost digit being the check
 * digit (not doubled); -1 when the string holds a non-digit. One pass that
 * both validates an ICCID's digits and checks its check digit.
 */
export function luhnSum(digits: string): number {
  const n = digits.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    if (((n - i) & 1) === 0) sum += d > 4 ? d * 2 - 9 : d * 2;
    else sum += d;
  }
  return sum;
}

/**
 * Luhn check over the whole digit string. ICCIDs (ITU-T E.118) usually end
 * in a Luhn check digit; a failure is only a warning because some issuers
 * omit it.
 */
export function luhnValid(digits: string): boolean {
  return digits.length > 0 && luhnSum(digits) % 10 === 0;
}
