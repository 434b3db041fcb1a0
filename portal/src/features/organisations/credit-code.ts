/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V), characters 3–8 being the digits of the
 * division code; the last one is a check character computed from the first 17 with weights
 * 3^i mod 31. Used for immediate feedback in forms; the server validates again.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'checkCharacter';

/** The check character the first 17 characters call for, or null if they are not valid characters. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) {
      return null;
    }
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Why a code is not valid, or null when it is. Input is compared in upper case. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const normalised = code.trim().toUpperCase();
  if (normalised.length !== 18) {
    return 'length';
  }
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(normalised)) {
    return 'characters';
  }
  return creditCodeCheckCharacter(normalised.slice(0, 17)) === normalised.charAt(17) ? null : 'checkCharacter';
}
