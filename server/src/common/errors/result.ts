import type { UserErrorCode } from './user-error-code.js';
import { userError, type UserError } from './user-error.js';

/**
 * Services return the expected business outcomes as values: either the result or the user errors.
 * Unexpected failures (bugs, a lost database) are thrown and become masked top-level errors.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: UserErrorCode, message: string, field?: string[]): Result<T> {
  return { ok: false, errors: [userError(code, message, field)] };
}

export function failMany<T = never>(errors: UserError[]): Result<T> {
  return { ok: false, errors };
}

/** Thrown inside a transaction to roll it back and still report a user error. */
export class DomainError extends Error {
  readonly errors: UserError[];
  constructor(code: UserErrorCode, message: string, field?: string[]) {
    super(message);
    this.errors = [userError(code, message, field)];
  }
}

/** Maps a service result onto a mutation payload `{ [key]: value, userErrors }`. */
export function toPayload<K extends string, T, P extends { userErrors: UserError[] }>(
  PayloadClass: new () => P,
  result: Result<T>,
  key: K,
): P {
  const payload = new PayloadClass();
  if (result.ok) {
    Object.assign(payload, { [key]: result.value, userErrors: [] });
  } else {
    Object.assign(payload, { [key]: null, userErrors: result.errors });
  }
  return payload;
}
