/** Evidence links are typed one per line; the API takes a list of http(s) URLs (at most 10 per request). */
export const MAX_EVIDENCE_URLS = 10;

export function parseEvidenceUrls(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The 1-based number of the first link that is not an http(s) URL, or null when all are fine. */
export function invalidEvidenceUrl(urls: readonly string[]): number | null {
  const index = urls.findIndex((url) => !isHttpUrl(url));
  return index < 0 ? null : index + 1;
}

/**
 * The API reports a bad link at `["input", "evidenceUrls", "<index>"]`: map those indices (and the
 * list itself) to one form field, for useFieldErrors.
 */
export function evidenceUrlFieldMap<TField extends string>(field: TField): Record<string, TField> {
  return Object.fromEntries([['evidenceUrls', field], ...Array.from({ length: 20 }, (_, index) => [String(index), field])]);
}
