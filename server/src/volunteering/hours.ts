import { UserErrorCode } from '../common/errors/user-error-code.js';
import type { Validator } from '../common/errors/validate.js';

/** Hours of one entry are at most a day's: anything more is a typing mistake. */
export const MAX_ENTRY_HOURS_CENTI = 24_00;

const HOURS = /^(-)?(\d{1,4})(?:\.(\d{1,2}))?$/;

/**
 * Hours as integer hundredths ("2.50" → 250, "-1.25" → -125): exact integer arithmetic on the decimal
 * text, so comparisons never touch a float.
 */
export function centiHours(text: string): number | undefined {
  const match = HOURS.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

/** Integer hundredths of an hour as the decimal text numeric(6,2) stores ("250" → "2.50"). */
export function formatCentiHours(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const absolute = Math.abs(centi);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * The length of a shift in hours, rounded to hundredths (half up). Milliseconds are integers, and
 * ms ÷ 36000 is correctly rounded by IEEE division, so `Math.round` gives the exact hundredth.
 */
export function shiftLengthCenti(startsAt: Date, endsAt: Date): number {
  return Math.round((endsAt.getTime() - startsAt.getTime()) / 36_000);
}

/**
 * Checks hours typed by a coordinator: at most 2 decimals, not zero, at most 24 in size, and positive
 * unless `signed` (a correction may take hours away). Returns integer hundredths.
 */
export function checkHours(validator: Validator, field: string[], value: string, options: { signed: boolean }): number | undefined {
  const centi = centiHours(value);
  if (centi === undefined || (!options.signed && centi < 0)) {
    validator.add(
      UserErrorCode.INVALID,
      field,
      `${field.at(-1)} must be ${options.signed ? 'a' : 'a positive'} number of hours with at most 2 decimals`,
    );
    return undefined;
  }
  if (centi === 0) {
    validator.add(UserErrorCode.INVALID, field, `${field.at(-1)} must not be zero`);
    return undefined;
  }
  if (Math.abs(centi) > MAX_ENTRY_HOURS_CENTI) {
    validator.add(UserErrorCode.INVALID, field, `${field.at(-1)} must be at most 24 hours`);
    return undefined;
  }
  return centi;
}
