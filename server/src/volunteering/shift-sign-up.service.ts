import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { recordedChange, type RecordedChange } from '../activity/recorded-change.js';
import { fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Person } from '../people/person.entity.js';
import { PersonTag } from '../people/person.enums.js';
import { can } from '../policy/policy.js';
import { acceptsPledges } from '../projects/project-status.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { shiftInChange, shiftTopic, signUpFacts, type ShiftInChange } from './volunteering-access.js';
import { ShiftSignUpStatus } from './volunteering.enums.js';
import type { ShiftCancelInput, ShiftSignUpInput } from './volunteering.inputs.js';
import { lockVolunteer, promoteWaiting, signUpChecks } from './waitlist.js';

export function signUpSnapshot(signUp: ShiftSignUp): Record<string, unknown> {
  return {
    shiftId: toGlobalId('Shift', signUp.shift.uuid),
    personId: toGlobalId('Person', signUp.person.uuid),
    status: signUp.status,
  };
}

/** The one activity entry of a sign-up change, on the project's timeline, and the shift's live notice. */
export function signUpChange(
  found: ShiftInChange,
  signUp: ShiftSignUp,
  entry: { action: string; onBehalfOfUuid?: string | null; before?: Record<string, unknown>; after?: Record<string, unknown> },
): RecordedChange<ShiftSignUp> {
  return {
    value: signUp,
    activity: {
      action: entry.action,
      subjectType: 'ShiftSignUp',
      subjectUuid: signUp.uuid,
      projectUuid: found.project.uuid,
      onBehalfOfUuid: entry.onBehalfOfUuid ?? null,
      before: entry.before ?? null,
      after: { ...signUpSnapshot(signUp), ...entry.after },
    },
    notify: [{ topic: shiftTopic(found.shift.uuid), payload: { id: found.shift.uuid } }],
  };
}

/**
 * A volunteer signs themself up. With a free place the sign-up is CONFIRMED, otherwise WAITLISTED in
 * sign-up order: a full shift never refuses anyone. Refused: people without the VOLUNTEER tag, a second
 * live sign-up for the same shift, a place overlapping one they already hold, a shift that has started
 * or whose project is not recruiting or active.
 */
export function shiftSignUp(ctx: Context, input: ShiftSignUpInput): Promise<Result<ShiftSignUp>> {
  return recordedChange(ctx, async (tx) => {
    const found = await shiftInChange(tx, uuidOf(input.shiftId, 'Shift'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'shiftId names no shift you can see', ['input', 'shiftId']);
    }
    const { shift, project, actor } = found;
    const person = tx.em.getReference(Person, actor!.personUuid);
    const { tags } = (await lockVolunteer(tx, person.uuid))!;
    if (!can(actor, 'shift.signUp', { personUuid: person.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'You may only sign yourself up', ['input', 'shiftId']);
    }
    if (!tags.includes(PersonTag.VOLUNTEER)) {
      return fail(UserErrorCode.NOT_A_VOLUNTEER, 'Only volunteers sign up for shifts: add the VOLUNTEER tag to your profile first', [
        'input',
        'shiftId',
      ]);
    }
    if (!acceptsPledges(project.status)) {
      return fail(UserErrorCode.SHIFT_CLOSED, 'Sign-ups are open while the project is recruiting or active', ['input', 'shiftId']);
    }
    if (shift.startsAt <= tx.clock.now()) {
      return fail(UserErrorCode.SHIFT_CLOSED, 'The shift has started: sign-ups are closed', ['input', 'shiftId']);
    }
    const checks = await signUpChecks(tx, person.uuid, shift);
    if (checks.signedUp) {
      return fail(UserErrorCode.ALREADY_SIGNED_UP, 'You are already signed up for this shift', ['input', 'shiftId']);
    }
    if (checks.overlaps) {
      return fail(UserErrorCode.SHIFT_OVERLAP, 'You hold a place on another shift at the same time', ['input', 'shiftId']);
    }
    const full = checks.taken >= shift.capacity;
    const signUp = tx.em.create(ShiftSignUp, {
      shift,
      person,
      status: full ? ShiftSignUpStatus.WAITLISTED : ShiftSignUpStatus.CONFIRMED,
      createdAt: tx.clock.now(),
    });
    try {
      await tx.em.flush();
    } catch (error) {
      // The person's key and the shift's row are locked, so only a bug gets here; answer as the check would.
      if (error instanceof UniqueConstraintViolationException) {
        return fail(UserErrorCode.ALREADY_SIGNED_UP, 'You are already signed up for this shift', ['input', 'shiftId']);
      }
      throw error;
    }
    return ok(signUpChange(found, signUp, { action: 'shiftSignUp.created' }));
  });
}

/**
 * Cancels a confirmed or waiting sign-up before the shift starts: the volunteer their own, the
 * organiser's coordinators anyone's. A freed place goes to the first person waiting.
 */
export function shiftCancel(ctx: Context, input: ShiftCancelInput): Promise<Result<ShiftSignUp>> {
  return recordedChange(ctx, async (tx) => {
    const found = await shiftInChange(tx, uuidOf(input.shiftId, 'Shift'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'shiftId names no shift you can see', ['input', 'shiftId']);
    }
    const { shift, activity, actor } = found;
    const personUuid = input.personId ? uuidOf(input.personId, 'Person') : actor!.personUuid;
    const signUp = personUuid
      ? await tx.em.findOne(
          ShiftSignUp,
          { shift: shift.uuid, person: personUuid, status: { $ne: ShiftSignUpStatus.CANCELLED } },
          { refresh: true },
        )
      : null;
    const field = input.personId ? ['input', 'personId'] : ['input', 'shiftId'];
    if (!signUp) {
      return fail(UserErrorCode.NOT_FOUND, 'There is no sign-up to cancel for this person and shift', field);
    }
    const facts = signUpFacts(signUp, activity);
    if (!can(actor, 'shiftSignUp.cancel', facts)) {
      // Whether someone else signed up is not the caller's business.
      return fail(UserErrorCode.NOT_FOUND, 'There is no sign-up to cancel for this person and shift', field);
    }
    if (signUp.status !== ShiftSignUpStatus.CONFIRMED && signUp.status !== ShiftSignUpStatus.WAITLISTED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${signUp.status} sign-up can no longer be cancelled`, field);
    }
    if (shift.startsAt <= tx.clock.now()) {
      return fail(UserErrorCode.SHIFT_CLOSED, 'The shift has started: record attendance instead of cancelling', field);
    }
    const before = signUpSnapshot(signUp);
    const heldPlace = signUp.status === ShiftSignUpStatus.CONFIRMED;
    signUp.status = ShiftSignUpStatus.CANCELLED;
    signUp.cancelledAt = tx.clock.now();
    await tx.em.flush();
    const promoted = heldPlace ? await promoteWaiting(tx, shift) : [];
    const byCoordinator = signUp.person.uuid !== actor!.personUuid;
    return ok(
      signUpChange(found, signUp, {
        action: 'shiftSignUp.cancelled',
        onBehalfOfUuid: byCoordinator ? activity.organisation.uuid : null,
        before,
        after: { promotedPersonIds: promoted.map((promotedSignUp) => toGlobalId('Person', promotedSignUp.person.uuid)) },
      }),
    );
  });
}
