/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, Z, S, V). The 18th is a check character:
 * C18 = 31 − (Σ Ci·Wi mod 31), with Wi = 3^(i−1) mod 31, and 31 written as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = ALPHABET.indexOf(first17[index] ?? '');
    if (value < 0) {
      return undefined;
    }
    sum += value * WEIGHTS[index]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** The normalised code (upper-cased, trimmed) when valid, else undefined. */
export function normaliseCreditCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return undefined;
  }
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? code : undefined;
}
