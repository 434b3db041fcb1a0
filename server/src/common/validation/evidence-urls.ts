import { UserErrorCode } from '../errors/user-error-code.js';
import type { Validator } from '../errors/validate.js';

const MAX_URLS = 10;
const MAX_URL_LENGTH = 500;

/** Checks evidence links: http(s) URLs only (no javascript: or data: links in the portal), at most 10. */
export function checkEvidenceUrls(validator: Validator, field: string[], urls: readonly string[] | null | undefined): string[] {
  const result: string[] = [];
  if (!urls) {
    return result;
  }
  if (urls.length > MAX_URLS) {
    validator.add(UserErrorCode.INVALID, field, `at most ${MAX_URLS} evidence links are allowed`);
    return result;
  }
  urls.forEach((raw, index) => {
    const url = raw.trim();
    let valid = url.length <= MAX_URL_LENGTH;
    try {
      valid &&= ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      valid = false;
    }
    if (valid) {
      result.push(url);
    } else {
      validator.add(
        UserErrorCode.INVALID,
        [...field, String(index)],
        `evidence link ${index + 1} must be an http(s) URL of at most ${MAX_URL_LENGTH} characters`,
      );
    }
  });
  return result;
}
