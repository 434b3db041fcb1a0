import { timingSafeEqual } from 'node:crypto';
import type { Context } from '../app/context.js';
import { recordedChange } from '../activity/recorded-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { checkHours, formatCentiHours, shiftLengthCenti } from './hours.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { signUpChange, signUpSnapshot } from './shift-sign-up.service.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { shiftInChange, signUpFacts } from './volunteering-access.js';
import { ServiceHoursKind, ShiftAttendanceOutcome, ShiftSignUpStatus } from './volunteering.enums.js';
import type { ShiftAttendanceRecordInput, ShiftCheckInInput } from './volunteering.inputs.js';

/** Check-in opens an hour before the shift starts. */
const CHECK_IN_OPENS_BEFORE_MS = 60 * 60 * 1000;

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toUpperCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a confirmed volunteer in: a coordinator of the organiser checks anyone in from an hour before
 * the start (also late, after the end, to catch up the roster); a volunteer checks themself in with the
 * shift's code, from an hour before the start until its end.
 */
export function shiftCheckIn(ctx: Context, input: ShiftCheckInInput): Promise<Result<ShiftSignUp>> {
  return recordedChange(ctx, async (tx) => {
    const found = await shiftInChange(tx, uuidOf(input.shiftId, 'Shift'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'shiftId names no shift you can see', ['input', 'shiftId']);
    }
    const { shift, activity, actor } = found;
    const coordinates = can(actor, 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid });
    const personUuid = input.personId ? uuidOf(input.personId, 'Person') : actor!.personUuid;
    const self = personUuid === actor!.personUuid;
    const field = input.personId ? ['input', 'personId'] : ['input', 'shiftId'];
    if (!self && !coordinates) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the organising organisation check others in', field);
    }
    const signUp = personUuid
      ? await tx.em.findOne(
          ShiftSignUp,
          { shift: shift.uuid, person: personUuid, status: { $ne: ShiftSignUpStatus.CANCELLED } },
          { refresh: true },
        )
      : null;
    if (!signUp) {
      return fail(UserErrorCode.NOT_FOUND, 'This person is not signed up for the shift', field);
    }
    const now = tx.clock.now();
    if (now.getTime() < shift.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS || (!coordinates && now > shift.endsAt)) {
      return fail(UserErrorCode.CHECK_IN_NOT_OPEN, 'Check-in opens an hour before the shift and, with the code, closes at its end', field);
    }
    if (!coordinates) {
      if (!can(actor, 'shift.checkInSelf', signUpFacts(signUp, activity))) {
        return fail(UserErrorCode.FORBIDDEN, 'You may only check yourself in', field);
      }
      if (!input.code?.trim()) {
        return fail(UserErrorCode.REQUIRED, 'Enter the check-in code shown at the venue', ['input', 'code']);
      }
      if (!sameCode(input.code, shift.checkInCode)) {
        return fail(UserErrorCode.CHECK_IN_CODE_INVALID, 'The check-in code is not this shift’s', ['input', 'code']);
      }
    }
    if (signUp.status !== ShiftSignUpStatus.CONFIRMED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${signUp.status} sign-up cannot be checked in`, field);
    }
    const before = signUpSnapshot(signUp);
    signUp.status = ShiftSignUpStatus.CHECKED_IN;
    signUp.checkedInAt = now;
    signUp.checkedInBy = tx.em.getReference(Person, actor!.personUuid);
    return ok(
      signUpChange(found, signUp, {
        action: 'shiftSignUp.checkedIn',
        onBehalfOfUuid: coordinates && !self ? activity.organisation.uuid : null,
        before,
        after: { byCode: !coordinates },
      }),
    );
  });
}

/**
 * After the shift has started, a coordinator of the organiser records each volunteer: NO_SHOW, or
 * ATTENDED with the hours served (the shift's length unless they say otherwise, and then why). ATTENDED
 * appends a CREDIT to the volunteer's ledger and completes the sign-up. A no-show recorded by mistake
 * may still be turned into ATTENDED; completed hours are changed only by `serviceHoursCorrect`.
 */
export function shiftAttendanceRecord(ctx: Context, input: ShiftAttendanceRecordInput): Promise<Result<ShiftSignUp>> {
  return recordedChange(ctx, async (tx) => {
    const uuid = uuidOf(input.signUpId, 'ShiftSignUp');
    const peek = uuid ? await tx.em.findOne(ShiftSignUp, { uuid }) : null;
    const found = peek ? await shiftInChange(tx, peek.shift.uuid) : undefined;
    if (!peek || !found) {
      return fail(UserErrorCode.NOT_FOUND, 'signUpId names no sign-up you can see', ['input', 'signUpId']);
    }
    const { shift, activity, actor } = found;
    if (!can(actor, 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid })) {
      return fail(
        UserErrorCode.FORBIDDEN,
        'Only ADMINs and COORDINATORs of the organising organisation record attendance and confirm hours',
        ['input', 'signUpId'],
      );
    }
    const signUp = (await tx.em.findOne(ShiftSignUp, { uuid: peek.uuid }, { refresh: true }))!;
    const now = tx.clock.now();
    if (shift.startsAt > now) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Attendance is recorded once the shift has started', ['input', 'signUpId']);
    }
    const recordable = [ShiftSignUpStatus.CONFIRMED, ShiftSignUpStatus.CHECKED_IN, ShiftSignUpStatus.NO_SHOW];
    if (
      !recordable.includes(signUp.status) ||
      (signUp.status === ShiftSignUpStatus.NO_SHOW && input.outcome === ShiftAttendanceOutcome.NO_SHOW)
    ) {
      return fail(
        UserErrorCode.INVALID_STATE_TRANSITION,
        `Attendance cannot be recorded as ${input.outcome} for a ${signUp.status} sign-up`,
        ['input', 'signUpId'],
      );
    }
    const validator = new Validator();
    const reason = validator.text(['input', 'reason'], input.reason, { max: 500, required: false });
    const defaultCenti = shiftLengthCenti(shift.startsAt, shift.endsAt);
    let centi = defaultCenti;
    if (input.outcome === ShiftAttendanceOutcome.NO_SHOW) {
      if (input.hours) {
        validator.add(UserErrorCode.INVALID, ['input', 'hours'], 'A no-show is credited no hours');
      }
    } else if (input.hours) {
      centi = checkHours(validator, ['input', 'hours'], input.hours, { signed: false }) ?? defaultCenti;
      if (validator.ok && centi !== defaultCenti && !reason) {
        validator.add(UserErrorCode.REQUIRED, ['input', 'reason'], 'Say why the hours differ from the length of the shift');
      }
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = signUpSnapshot(signUp);
    signUp.attendanceRecordedAt = now;
    signUp.attendanceRecordedBy = tx.em.getReference(Person, actor!.personUuid);
    if (input.outcome === ShiftAttendanceOutcome.NO_SHOW) {
      signUp.status = ShiftSignUpStatus.NO_SHOW;
      return ok(signUpChange(found, signUp, { action: 'shiftSignUp.noShow', onBehalfOfUuid: activity.organisation.uuid, before }));
    }
    signUp.status = ShiftSignUpStatus.COMPLETED;
    const entry = tx.em.create(ServiceHoursEntry, {
      person: signUp.person,
      signUp,
      shift,
      organisation: activity.organisation,
      hours: formatCentiHours(centi),
      kind: ServiceHoursKind.CREDIT,
      reason: reason ?? null,
      verifiedBy: actor!.personUuid,
      createdAt: now,
    });
    return ok(
      signUpChange(found, signUp, {
        action: 'shiftSignUp.completed',
        onBehalfOfUuid: activity.organisation.uuid,
        before,
        after: { entryId: toGlobalId('ServiceHoursEntry', entry.uuid), hours: entry.hours, reason: entry.reason ?? null },
      }),
    );
  });
}
