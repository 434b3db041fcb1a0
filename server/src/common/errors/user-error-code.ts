import { registerEnumType } from 'type-graphql';

/**
 * The one enum of problems a user can fix, for the whole API. Grouped by feature; each value needs a
 * zh-CN label in the portal (`errors.<CODE>`), which `pnpm --filter @gongzhi/portal locales:check` enforces.
 */
export enum UserErrorCode {
  // Input
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INVALID_STATE_TRANSITION = 'INVALID_STATE_TRANSITION',
  // Access
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  // Sign-in
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  RATE_LIMITED = 'RATE_LIMITED',
  // Organisations
  ORGANISATION_NOT_VERIFIED = 'ORGANISATION_NOT_VERIFIED',
  LAST_ADMIN = 'LAST_ADMIN',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Machine-readable code of a problem the user can fix',
});
