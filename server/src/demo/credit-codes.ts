import { creditCodeCheckCharacter } from '../common/validation/credit-code.js';
import type { Random } from './random.js';

/** Registration authority + organisation category (GB 32100-2015), the first two characters of a code. */
export const CREDIT_CODE_PREFIX = {
  /** 机构编制 · 机关: party and government organs. */
  organ: '11',
  /** 机构编制 · 事业单位: schools, health centres. */
  publicInstitution: '12',
  /** 民政 · 社会团体: associations. */
  association: '51',
  /** 民政 · 民办非企业单位: service centres. */
  serviceCentre: '52',
  /** 民政 · 基层群众性自治组织: village and residents' committees. */
  selfGoverningBody: '54',
  /** 工商 · 企业. */
  enterprise: '91',
} as const;

const DIVISION = '530402';
const DIGITS = '0123456789';
/** Characters allowed in the organisation-code part of a credit code (no I, O, Z, S, V). */
const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
function organisationCodeCheck(body: string): string {
  let sum = 0;
  for (let index = 0; index < 8; index += 1) {
    sum += parseInt(body[index]!, 36) * ORGANISATION_CODE_WEIGHTS[index]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Valid, unique unified social credit codes for the district: prefix, division 530402, a 9-character
 * organisation code (new registrations start with "MA"), then the GB 32100 check character.
 */
export class CreditCodes {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  next(prefix: string): string {
    for (;;) {
      const body = prefix === CREDIT_CODE_PREFIX.enterprise ? `MA${this.characters(CODE_CHARACTERS, 6)}` : this.characters(DIGITS, 8);
      const first17 = `${prefix}${DIVISION}${body}${organisationCodeCheck(body)}`;
      const code = `${first17}${creditCodeCheckCharacter(first17)}`;
      if (code.length === 18 && !this.issued.has(code)) {
        this.issued.add(code);
        return code;
      }
    }
  }

  private characters(alphabet: string, count: number): string {
    let text = '';
    for (let index = 0; index < count; index += 1) {
      text += alphabet[this.random.int(0, alphabet.length - 1)];
    }
    return text;
  }
}
