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
  // Projects and partners
  LEAD_NOT_PARTY_ORGANISATION = 'LEAD_NOT_PARTY_ORGANISATION',
  LEAD_CANNOT_WITHDRAW = 'LEAD_CANNOT_WITHDRAW',
  NOT_A_PARTNER = 'NOT_A_PARTNER',
  // Needs, pledges, deliveries
  NEED_CLOSED = 'NEED_CLOSED',
  PLEDGE_EXCEEDS_NEED = 'PLEDGE_EXCEEDS_NEED',
  DELIVERY_EXCEEDS_PLEDGE = 'DELIVERY_EXCEEDS_PLEDGE',
  // Volunteering
  NOT_A_VOLUNTEER = 'NOT_A_VOLUNTEER',
  ALREADY_SIGNED_UP = 'ALREADY_SIGNED_UP',
  SHIFT_OVERLAP = 'SHIFT_OVERLAP',
  SHIFT_CLOSED = 'SHIFT_CLOSED',
  CHECK_IN_NOT_OPEN = 'CHECK_IN_NOT_OPEN',
  CHECK_IN_CODE_INVALID = 'CHECK_IN_CODE_INVALID',
  // Commitments
  COMMITMENT_NOT_FULFILLED = 'COMMITMENT_NOT_FULFILLED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Machine-readable code of a problem the user can fix',
});
