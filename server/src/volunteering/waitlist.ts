import type { Context } from '../app/context.js';
import { lockKeys } from '../common/sql.js';
import { preparedExecute } from '../db/prepared-query.js';
import type { PersonTag } from '../people/person.enums.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import type { Shift } from './shift.entity.js';
import { PLACES_TAKEN_SQL, placesTaken } from './volunteering-access.js';
import { ShiftSignUpStatus, statusList, TIME_COMMITTING_STATUSES } from './volunteering.enums.js';

/** The advisory-lock key of a volunteer: their sign-ups, promotions and overlap checks queue on it. */
export function volunteerKey(personUuid: string): string {
  return `volunteer:${personUuid}`;
}

/**
 * Takes the volunteer's key (see `volunteerKey`) and reads their tags, in one statement; undefined when
 * there is no such person. Lock order: after the shift's row (see `shiftInChange`).
 */
export async function lockVolunteer(tx: Context, personUuid: string): Promise<{ tags: PersonTag[] } | undefined> {
  const [row] = await preparedExecute<{ tags: PersonTag[] }>(
    tx.em,
    `select p.tags::text[] as tags from pg_advisory_xact_lock(hashtext(?)) locked, person p where p.id = ?`,
    [volunteerKey(personUuid), personUuid],
  );
  return row;
}

/** What a sign-up depends on, read once the shift's row and the volunteer's key are held. */
export interface SignUpChecks {
  /** The person already has a live (not cancelled) sign-up for the shift. */
  signedUp: boolean;
  /** They hold a place (confirmed or checked in) on another shift overlapping this one. */
  overlaps: boolean;
  /** Places taken on the shift. */
  taken: number;
}

/**
 * The checks of a sign-up in one statement. Run it after `shiftInChange` and `lockVolunteer`: under READ
 * COMMITTED a statement's snapshot is taken when it starts, so it sees every sign-up committed by those
 * who held the shift's row or the volunteer's key before.
 */
export async function signUpChecks(
  tx: Context,
  personUuid: string,
  shift: Pick<Shift, 'uuid' | 'startsAt' | 'endsAt'>,
): Promise<SignUpChecks> {
  const [row] = await preparedExecute<SignUpChecks>(
    tx.em,
    `select exists (select 1 from shift_sign_up where shift_id = ? and person_id = ? and status <> '${ShiftSignUpStatus.CANCELLED}') as "signedUp",
            exists (select 1 from shift_sign_up su join shift s on s.id = su.shift_id
                     where su.person_id = ? and su.shift_id <> ? and su.status in (${statusList(TIME_COMMITTING_STATUSES)})
                       and s.starts_at < ? and s.ends_at > ?) as overlaps,
            (${PLACES_TAKEN_SQL}) as taken`,
    [shift.uuid, personUuid, personUuid, shift.uuid, shift.endsAt, shift.startsAt, shift.uuid],
  );
  return row!;
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
