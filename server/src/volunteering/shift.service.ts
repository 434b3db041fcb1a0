import { randomInt } from 'node:crypto';
import type { Context } from '../app/context.js';
import { recordedChange } from '../activity/recorded-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { lockKeys } from '../common/sql.js';
import { can } from '../policy/policy.js';
import { isOpen } from '../projects/project-status.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { activityInChange, placesTaken, shiftInChange, shiftTopic } from './volunteering-access.js';
import { statusList, TIME_COMMITTING_STATUSES } from './volunteering.enums.js';
import type { ShiftCreateInput, ShiftUpdateInput } from './volunteering.inputs.js';
import { promoteWaiting, volunteerKey } from './waitlist.js';

const MAX_CAPACITY = 10_000;
const MAX_SHIFT_MS = 24 * 60 * 60 * 1000;
const MAX_SKILLS = 20;
const MAX_SKILL_LENGTH = 30;
/** No 0/O, 1/I/L: the code is read off a screen or a poster. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

/**
 * A short random check-in code (31⁶ ≈ 900 million): only people signed up for the shift can try it, and
 * only around its time. `draw` picks an index below its argument (demo data passes its seeded generator).
 */
export function newCheckInCode(draw: (below: number) => number = randomInt): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[draw(CODE_ALPHABET.length)]).join('');
}

export function shiftSnapshot(shift: Shift): Record<string, unknown> {
  return {
    activityId: toGlobalId('VolunteerActivity', shift.activity.uuid),
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    capacity: shift.capacity,
    requiredSkills: shift.requiredSkills,
  };
}

function checkTimes(validator: Validator, startsAt: Date, endsAt: Date, now: Date): void {
  if (startsAt <= now) {
    validator.add(UserErrorCode.INVALID, ['input', 'startsAt'], 'startsAt must be in the future');
  }
  if (endsAt <= startsAt) {
    validator.add(UserErrorCode.INVALID, ['input', 'endsAt'], 'endsAt must be after startsAt');
  } else if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_MS) {
    validator.add(UserErrorCode.INVALID, ['input', 'endsAt'], 'A shift lasts at most 24 hours');
  }
}

function checkCapacity(validator: Validator, capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    validator.add(UserErrorCode.INVALID, ['input', 'capacity'], `capacity must be between 1 and ${MAX_CAPACITY}`);
  }
}

function checkSkills(validator: Validator, skills: readonly string[] | null | undefined): string[] {
  const field = ['input', 'requiredSkills'];
  const cleaned = [...new Set((skills ?? []).map((skill) => skill.trim()))];
  if (cleaned.length > MAX_SKILLS) {
    validator.add(UserErrorCode.INVALID, field, `at most ${MAX_SKILLS} skills`);
  }
  cleaned.forEach((skill, index) => {
    if (!skill) {
      validator.add(UserErrorCode.REQUIRED, [...field, String(index)], 'a skill must not be empty');
    } else if ([...skill].length > MAX_SKILL_LENGTH) {
      validator.add(UserErrorCode.TOO_LONG, [...field, String(index)], `a skill has at most ${MAX_SKILL_LENGTH} characters`);
    }
  });
  return cleaned;
}

/** The organiser's coordinators add a shift to an activity of a running project. */
export function shiftCreate(ctx: Context, input: ShiftCreateInput): Promise<Result<Shift>> {
  return recordedChange(ctx, async (tx) => {
    const found = await activityInChange(tx, uuidOf(input.activityId, 'VolunteerActivity'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'activityId names no volunteer activity you can see', ['input', 'activityId']);
    }
    const { activity, project, actor } = found;
    if (!can(actor, 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'Only ADMINs and COORDINATORs of the organising organisation add shifts', [
        'input',
        'activityId',
      ]);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${project.status} project takes no new shifts`, ['input', 'activityId']);
    }
    const now = tx.clock.now();
    const validator = new Validator();
    checkTimes(validator, input.startsAt, input.endsAt, now);
    checkCapacity(validator, input.capacity);
    const requiredSkills = checkSkills(validator, input.requiredSkills);
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const shift = tx.em.create(Shift, {
      activity,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      capacity: input.capacity,
      requiredSkills,
      checkInCode: newCheckInCode(),
      createdBy: tx.auth!.personUuid,
      createdAt: now,
    });
    return ok({
      value: shift,
      activity: {
        action: 'shift.created',
        subjectType: 'Shift',
        subjectUuid: shift.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: activity.organisation.uuid,
        after: shiftSnapshot(shift),
      },
    });
  });
}

/** Whether moving the shift to [startsAt, endsAt) would give someone holding a place on it two places at once. */
async function movesIntoOverlap(tx: Context, shift: Shift, startsAt: Date, endsAt: Date): Promise<boolean> {
  const holders = await tx.em.find(ShiftSignUp, { shift: shift.uuid, status: { $in: [...TIME_COMMITTING_STATUSES] } });
  if (!holders.length) {
    return false;
  }
  await lockKeys(
    tx.em,
    holders.map((signUp) => volunteerKey(signUp.person.uuid)),
  );
  const [row] = await tx.em.execute<{ overlaps: boolean }[]>(
    `select exists (select 1 from shift_sign_up other join shift s on s.id = other.shift_id
      where other.person_id in (${holders.map(() => '?').join(', ')}) and other.shift_id <> ?
        and other.status in (${statusList(TIME_COMMITTING_STATUSES)}) and s.starts_at < ? and s.ends_at > ?) as overlaps`,
    [...holders.map((signUp) => signUp.person.uuid), shift.uuid, endsAt, startsAt],
  );
  return row!.overlaps;
}

/**
 * The organiser's coordinators change a shift. Times change only before it starts, and never so that
 * a volunteer holding a place would hold two at once; capacity never drops below the places taken, and
 * a larger capacity promotes people waiting, in order.
 */
export function shiftUpdate(ctx: Context, id: string, input: ShiftUpdateInput): Promise<Result<Shift>> {
  return recordedChange(ctx, async (tx) => {
    const found = await shiftInChange(tx, uuidOf(id, 'Shift'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no shift you can see', ['id']);
    }
    const { shift, activity, project, actor } = found;
    if (!can(actor, 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'Only ADMINs and COORDINATORs of the organising organisation change shifts', ['id']);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `Shifts of a ${project.status} project can no longer change`, ['id']);
    }
    const now = tx.clock.now();
    const validator = new Validator();
    const startsAt = input.startsAt ?? shift.startsAt;
    const endsAt = input.endsAt ?? shift.endsAt;
    const moving = startsAt.getTime() !== shift.startsAt.getTime() || endsAt.getTime() !== shift.endsAt.getTime();
    if (moving && shift.startsAt <= now) {
      return fail(UserErrorCode.SHIFT_CLOSED, 'The shift has started: its times can no longer change', ['input', 'startsAt']);
    }
    if (moving) {
      checkTimes(validator, startsAt, endsAt, now);
    }
    const taken = await placesTaken(tx, shift.uuid);
    if (input.capacity !== undefined && input.capacity !== null) {
      checkCapacity(validator, input.capacity);
      if (validator.ok && input.capacity < taken) {
        validator.add(UserErrorCode.INVALID, ['input', 'capacity'], `${taken} places are already taken: capacity cannot go below that`);
      }
    }
    const requiredSkills = input.requiredSkills ? checkSkills(validator, input.requiredSkills) : undefined;
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    if (moving && (await movesIntoOverlap(tx, shift, startsAt, endsAt))) {
      return fail(UserErrorCode.SHIFT_OVERLAP, 'A volunteer holding a place would then hold places on two overlapping shifts', [
        'input',
        'startsAt',
      ]);
    }
    const before = shiftSnapshot(shift);
    shift.startsAt = startsAt;
    shift.endsAt = endsAt;
    shift.capacity = input.capacity ?? shift.capacity;
    shift.requiredSkills = requiredSkills ?? shift.requiredSkills;
    if (input.regenerateCheckInCode) {
      shift.checkInCode = newCheckInCode();
    }
    await tx.em.flush();
    const promoted = await promoteWaiting(tx, shift);
    return ok({
      value: shift,
      activity: {
        action: 'shift.updated',
        subjectType: 'Shift',
        subjectUuid: shift.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: activity.organisation.uuid,
        before,
        after: {
          ...shiftSnapshot(shift),
          checkInCodeRegenerated: !!input.regenerateCheckInCode,
          promotedPersonIds: promoted.map((signUp) => toGlobalId('Person', signUp.person.uuid)),
        },
      },
      notify: [{ topic: shiftTopic(shift.uuid), payload: { id: shift.uuid } }],
    });
  });
}
