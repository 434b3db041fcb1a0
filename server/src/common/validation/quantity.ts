import { UserErrorCode } from '../errors/user-error-code.js';
import type { Validator } from '../errors/validate.js';

/** numeric(18,2): up to 16 digits before the point and 2 after. */
const QUANTITY = /^\d{1,16}(\.\d{1,2})?$/;

/**
 * Checks a positive quantity with at most two decimals (fen for money) and returns it as PostgreSQL's
 * numeric(18,2) prints it ("12.5" → "12.50"). Works on the decimal text only: no float is involved.
 */
export function checkQuantity(validator: Validator, field: string[], value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) {
    validator.add(UserErrorCode.REQUIRED, field, `${field.at(-1)} is required`);
    return undefined;
  }
  if (!QUANTITY.test(value)) {
    validator.add(UserErrorCode.INVALID, field, `${field.at(-1)} must be a positive number with at most 2 decimals`);
    return undefined;
  }
  if (!/[1-9]/.test(value)) {
    validator.add(UserErrorCode.INVALID, field, `${field.at(-1)} must be greater than 0`);
    return undefined;
  }
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

// Evidence links were first checked here; other features import them from this module too.
export { checkEvidenceUrls } from './evidence-urls.js';
