import type { LocationQueryValue } from 'vue-router';

/** Only same-app paths: `?redirect=//evil.example` must not leave the portal. */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
