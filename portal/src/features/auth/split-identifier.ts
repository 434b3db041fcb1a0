/**
 * Sign-up takes one "phone or email" box; the API wants one of `phone` / `email`.
 * Anything with an @ is an email, everything else is handed over as a phone number and
 * validated by the server (returned as INVALID on the field it concerns).
 */
export function splitIdentifier(identifier: string): { phone: string | null; email: string | null } {
  const value = identifier.trim();
  return value.includes('@') ? { phone: null, email: value } : { phone: value, email: null };
}
