import { registerEnumType } from 'type-graphql';

/** Where a volunteer stands with a shift. */
export enum ShiftSignUpStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  CHECKED_IN = 'CHECKED_IN',
  NO_SHOW = 'NO_SHOW',
  COMPLETED = 'COMPLETED',
}

/** Sign-ups that hold one of the shift's places (the capacity counts them). */
export const PLACE_HOLDING_STATUSES: readonly ShiftSignUpStatus[] = [
  ShiftSignUpStatus.CONFIRMED,
  ShiftSignUpStatus.CHECKED_IN,
  ShiftSignUpStatus.COMPLETED,
  ShiftSignUpStatus.NO_SHOW,
];

/** Sign-ups that commit the volunteer's time: two of them may not overlap. */
export const TIME_COMMITTING_STATUSES: readonly ShiftSignUpStatus[] = [ShiftSignUpStatus.CONFIRMED, ShiftSignUpStatus.CHECKED_IN];

/** The SQL list of a set of statuses, for queries written by hand (the values are enum names, never user input). */
export function statusList(statuses: readonly ShiftSignUpStatus[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

/** Kinds of service-hours ledger entries. */
export enum ServiceHoursKind {
  CREDIT = 'CREDIT',
  CORRECTION = 'CORRECTION',
}

/** What the coordinator records after a shift. */
export enum ShiftAttendanceOutcome {
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

registerEnumType(ShiftSignUpStatus, {
  name: 'ShiftSignUpStatus',
  description: "Status of a volunteer's sign-up for a shift",
  valuesConfig: {
    CONFIRMED: { description: 'Holds a place on the shift' },
    WAITLISTED: { description: 'Waiting for a place; promoted in sign-up order when a place frees up' },
    CANCELLED: { description: 'Cancelled by the volunteer or a coordinator' },
    CHECKED_IN: { description: 'Arrived and checked in' },
    NO_SHOW: { description: 'Held a place but did not come' },
    COMPLETED: { description: 'Attended; the confirmed hours are in the service-hours ledger' },
  },
});

registerEnumType(ServiceHoursKind, {
  name: 'ServiceHoursKind',
  description: 'Kind of a service-hours ledger entry',
  valuesConfig: {
    CREDIT: { description: 'Hours confirmed by a coordinator after a shift' },
    CORRECTION: { description: 'A later correction of credited hours (positive or negative), with a reason' },
  },
});

registerEnumType(ShiftAttendanceOutcome, {
  name: 'ShiftAttendanceOutcome',
  description: 'What a coordinator records for a volunteer after a shift',
  valuesConfig: {
    ATTENDED: { description: 'The volunteer served: their hours are confirmed and credited' },
    NO_SHOW: { description: 'The volunteer did not come' },
  },
});
