/** Mainland China mobile numbers: 11 digits starting 13–19. A leading +86 or 86 is accepted and dropped. */
export function normaliseMobile(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/** A pragmatic email check (one @, a dot in the domain, no spaces); stored lower-cased. */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}
