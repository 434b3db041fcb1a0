import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, normaliseCreditCode } from '@gongzhi/server/src/common/validation/credit-code.js';
import { normaliseEmail, normaliseMobile } from '@gongzhi/server/src/common/validation/contact.js';
import { maskEmail, maskPhone } from '@gongzhi/server/src/common/validation/mask.js';

describe('normaliseCreditCode (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L'])('accepts the published code %s', (code) => {
    expect(normaliseCreditCode(code)).toBe(code);
  });

  it('accepts lower case and surrounding spaces, returning the canonical form', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it.each([
    ['a wrong check character', '91350100M000100Y44'],
    ['17 characters', '91350100M000100Y4'],
    ['a forbidden letter (I, O, S, V, Z)', '91350100M000100I43'],
    ['letters in the division code', '9135A100M000100Y43'],
  ])('rejects %s', (_case, code) => {
    expect(normaliseCreditCode(code)).toBeUndefined();
  });

  it('computes 31 − (sum mod 31) and writes 31 as 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});

describe('normaliseMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['86-13812345678', '13812345678'],
  ])('accepts %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each(['12812345678', '1381234567', '138123456789', '0871-1234567', 'phone'])('rejects %s', (input) => {
    expect(normaliseMobile(input)).toBeUndefined();
  });
});

describe('normaliseEmail', () => {
  it('lower-cases a valid address', () => {
    expect(normaliseEmail(' Li.Ming@Example.CN ')).toBe('li.ming@example.cn');
  });

  it.each(['no-at.example.cn', 'a@b', 'a b@c.cn'])('rejects %s', (input) => {
    expect(normaliseEmail(input)).toBeUndefined();
  });
});

describe('masking', () => {
  it('shows the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the first letter and the domain of an email', () => {
    expect(maskEmail('liming@example.cn')).toBe('l***@example.cn');
  });
});
