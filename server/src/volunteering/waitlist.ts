import type { Context } from '../app/context.js';
import { lockKeys } from '../common/sql.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import type { Shift } from './shift.entity.js';
import { placesTaken } from './volunteering-access.js';
import { ShiftSignUpStatus, statusList, TIME_COMMITTING_STATUSES } from './volunteering.enums.js';

/** The advisory-lock key of a volunteer: their sign-ups, promotions and overlap checks queue on it. */
export function volunteerKey(personUuid: string): string {
  return `volunteer:${personUuid}`;
}

/**
 * Whether the person holds a place (confirmed or checked in) on another shift overlapping [startsAt,
 * endsAt). Run after locking the person's key, as its own statement, so it sees their committed sign-ups.
 */
export async function overlapsCommittedShift(
  tx: Context,
  personUuid: string,
  shift: Pick<Shift, 'uuid' | 'startsAt' | 'endsAt'>,
): Promise<boolean> {
  const [row] = await tx.em.execute<{ overlaps: boolean }[]>(
    `select exists (select 1 from shift_sign_up su join shift s on s.id = su.shift_id
      where su.person_id = ? and su.shift_id <> ? and su.status in (${statusList(TIME_COMMITTING_STATUSES)})
        and s.starts_at < ? and s.ends_at > ?) as overlaps`,
    [personUuid, shift.uuid, shift.endsAt, shift.startsAt],
  );
  return row!.overlaps;
}

/**
 * Fills the shift's free places from its waitlist, first come first served (sign-up order). Someone
 * waiting who has meanwhile taken a place on an overlapping shift is passed over and keeps waiting: a
 * volunteer never holds two places at the same time. Call with the shift locked (`shiftInChange`).
 */
export async function promoteWaiting(tx: Context, shift: Shift): Promise<ShiftSignUp[]> {
  let free = shift.capacity - (await placesTaken(tx, shift.uuid));
  if (free <= 0) {
    return [];
  }
  const waiting = await tx.em.find(
    ShiftSignUp,
    { shift: shift.uuid, status: ShiftSignUpStatus.WAITLISTED },
    { orderBy: { sequence: 'asc' }, refresh: true },
  );
  if (!waiting.length) {
    return [];
  }
  // Everyone waiting, in sorted key order (see `shiftInChange` on lock order), before reading their other places.
  await lockKeys(
    tx.em,
    waiting.map((signUp) => volunteerKey(signUp.person.uuid)),
  );
  const busy = await tx.em.execute<{ person_id: string }[]>(
    `select distinct su.person_id from shift_sign_up su join shift s on s.id = su.shift_id
      where su.person_id in (${waiting.map(() => '?').join(', ')}) and su.shift_id <> ?
        and su.status in (${statusList(TIME_COMMITTING_STATUSES)}) and s.starts_at < ? and s.ends_at > ?`,
    [...waiting.map((signUp) => signUp.person.uuid), shift.uuid, shift.endsAt, shift.startsAt],
  );
  const passedOver = new Set(busy.map((row) => row.person_id));
  const now = tx.clock.now();
  const promoted: ShiftSignUp[] = [];
  for (const signUp of waiting) {
    if (free === 0) {
      break;
    }
    if (passedOver.has(signUp.person.uuid)) {
      continue;
    }
    signUp.status = ShiftSignUpStatus.CONFIRMED;
    signUp.promotedAt = now;
    promoted.push(signUp);
    free -= 1;
  }
  await tx.em.flush();
  return promoted;
}
