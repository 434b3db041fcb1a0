import { UserErrorCode } from './user-error-code.js';
import { userError, type UserError } from './user-error.js';

/**
 * Collects field problems so one response lists all of them, each with the path of its field.
 * Services run it first and change nothing when it has errors.
 */
export class Validator {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  add(code: UserErrorCode, field: string[], message: string): this {
    this.errors.push(userError(code, message, field));
    return this;
  }

  /** Trims and checks a required text; returns the trimmed value. */
  text(field: string[], value: string | null | undefined, options: { max: number; required?: boolean }): string | undefined {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (options.required !== false) {
        this.add(UserErrorCode.REQUIRED, field, `${field.at(-1)} must not be empty`);
      }
      return undefined;
    }
    if ([...trimmed].length > options.max) {
      this.add(UserErrorCode.TOO_LONG, field, `${field.at(-1)} must be at most ${options.max} characters`);
      return undefined;
    }
    return trimmed;
  }
}
