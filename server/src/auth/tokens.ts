import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'gz_session';
export const API_TOKEN_PREFIX = 'gz_';

/** A fresh secret with 256 bits of entropy. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored; SHA-256 suffices for random 256-bit secrets (no need for argon2). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The session token from a Cookie header, if any. */
export function sessionTokenFromCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) {
    return undefined;
  }
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}
