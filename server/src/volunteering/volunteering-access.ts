import type { Context } from '../app/context.js';
import { selectColumns } from '../common/loaders/plain-rows.js';
import { preparedExecute } from '../db/prepared-query.js';
import type { Person } from '../people/person.entity.js';
import { can, type ServiceRecordFacts, type ShiftSignUpFacts } from '../policy/policy.js';
import { canRead, projectInChange, type ProjectInChange } from '../projects/project-access.js';
import type { ServiceHoursEntry } from './service-hours-entry.entity.js';
import type { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import { PLACE_HOLDING_STATUSES, statusList } from './volunteering.enums.js';

/** Volunteer activities and their shifts are as visible as their project (public unless it is a draft). */
export async function canReadActivity(ctx: Context, activity: VolunteerActivity): Promise<boolean> {
  const project = await ctx.loaders.projects.byUuid.load(activity.project.uuid);
  return !!project && (await canRead(ctx, project));
}

export async function readableActivity(ctx: Context, uuid: string | undefined): Promise<VolunteerActivity | undefined> {
  const activity = uuid ? await ctx.loaders.volunteering.activityByUuid.load(uuid) : undefined;
  return activity && (await canReadActivity(ctx, activity)) ? activity : undefined;
}

export async function activityOf(ctx: Context, shift: Shift): Promise<VolunteerActivity> {
  return (await ctx.loaders.volunteering.activityByUuid.load(shift.activity.uuid))!;
}

export async function readableShift(ctx: Context, uuid: string | undefined): Promise<Shift | undefined> {
  const shift = uuid ? await ctx.loaders.volunteering.shiftByUuid.load(uuid) : undefined;
  return shift && (await canReadActivity(ctx, await activityOf(ctx, shift))) ? shift : undefined;
}

/** Whether the viewer runs the activity (ADMIN or COORDINATOR of its organiser). */
export async function viewerCoordinates(ctx: Context, activity: VolunteerActivity): Promise<boolean> {
  return can(await ctx.actor(), 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid });
}

export function signUpFacts(signUp: ShiftSignUp, activity: VolunteerActivity): ShiftSignUpFacts {
  return { personUuid: signUp.person.uuid, organisationUuid: activity.organisation.uuid };
}

/** The sign-up's shift and activity, through the loaders. */
export async function activityOfSignUp(ctx: Context, signUp: ShiftSignUp): Promise<VolunteerActivity> {
  const shift = (await ctx.loaders.volunteering.shiftByUuid.load(signUp.shift.uuid))!;
  return activityOf(ctx, shift);
}

export async function canReadSignUp(ctx: Context, signUp: ShiftSignUp): Promise<boolean> {
  return can(await ctx.actor(), 'shiftSignUp.read', signUpFacts(signUp, await activityOfSignUp(ctx, signUp)));
}

export function serviceRecordFacts(person: Person): ServiceRecordFacts {
  return {
    personUuid: person.uuid,
    partyOrganisationUuids: [person.partyHomeOrganisation?.uuid, person.partyResidenceOrganisation?.uuid].filter(
      (uuid): uuid is string => !!uuid,
    ),
  };
}

/** The person's service record: they themself, their 双报到 party organisations' admins, the platform admin. */
export async function canReadServiceRecord(ctx: Context, person: Person): Promise<boolean> {
  return can(await ctx.actor(), 'person.readServiceRecord', serviceRecordFacts(person));
}

/** A ledger entry: whoever may read the person's service record, and the coordinators of the confirming organisation. */
export async function canReadEntry(ctx: Context, entry: ServiceHoursEntry): Promise<boolean> {
  const actor = await ctx.actor();
  if (can(actor, 'volunteering.coordinate', { organisationUuid: entry.organisation.uuid })) {
    return true;
  }
  const person = await ctx.loaders.people.byUuid.load(entry.person.uuid);
  return !!person && can(actor, 'person.readServiceRecord', serviceRecordFacts(person));
}

export interface ActivityInChange extends ProjectInChange {
  activity: VolunteerActivity;
}

/**
 * Inside a change: the activity, and its project share-locked (see `projectInChange`: sign-ups must not slip
 * into a project being cancelled) with its facts and the actor; undefined when there is none the caller
 * may see.
 */
export async function activityInChange(tx: Context, uuid: string | undefined): Promise<ActivityInChange | undefined> {
  const found = await projectInChange(tx, uuid, 'share', 'select project_id from volunteer_activity where id = ?');
  const activity = found && (await tx.em.findOne(VolunteerActivity, { uuid: uuid! }));
  return activity ? { ...found!, activity } : undefined;
}

export interface ShiftInChange extends ActivityInChange {
  shift: Shift;
}

/**
 * Inside a change: the shift, its row locked `for update` for the rest of the transaction. Every change
 * to a shift's sign-ups takes this lock first, so they queue up per shift and each sees the sign-ups
 * committed before it: capacity holds across any number of requests and server processes.
 *
 * Lock order (deadlock-free): the project (share), then this one shift row, then person keys in sorted
 * order (`lockKeys`); no transaction takes a second shift lock or a shift lock after a person key.
 */
export async function shiftInChange(tx: Context, uuid: string | undefined): Promise<ShiftInChange | undefined> {
  const found = await projectInChange(
    tx,
    uuid,
    'share',
    'select a.project_id from shift s join volunteer_activity a on a.id = s.activity_id where s.id = ?',
  );
  const [row] = found
    ? await preparedExecute<Record<string, unknown>>(
        tx.em,
        `select s.*, ${selectColumns(tx.em, VolunteerActivity, 'a', ACTIVITY)}
           from shift s join volunteer_activity a on a.id = s.activity_id where s.id = ? for update of s`,
        [uuid],
      )
    : [];
  if (!row) {
    return undefined;
  }
  const [shiftColumns, activityColumns] = splitColumns(row, ACTIVITY);
  return { ...found!, activity: tx.em.map(VolunteerActivity, activityColumns), shift: tx.em.map(Shift, shiftColumns) };
}

/** The prefix of the activity's columns in `shiftInChange`'s row. */
const ACTIVITY = 'a.';

/** A row's columns without `prefix`, and those with it (prefix removed). */
function splitColumns(row: Record<string, unknown>, prefix: string): [Record<string, unknown>, Record<string, unknown>] {
  const plain: Record<string, unknown> = {};
  const prefixed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) {
      prefixed[key.slice(prefix.length)] = value;
    } else {
      plain[key] = value;
    }
  }
  return [plain, prefixed];
}

/**
 * Places taken on a shift. Run it as its own statement after `shiftInChange`: under READ COMMITTED each
 * statement reads a fresh snapshot, so it counts every sign-up committed by those who held the lock before.
 */
export async function placesTaken(tx: Context, shiftUuid: string): Promise<number> {
  const [row] = await preparedExecute<{ taken: number }>(tx.em, `select (${PLACES_TAKEN_SQL}) as taken`, [shiftUuid]);
  return row!.taken;
}

/** The places taken on the shift whose id is the parameter. */
export const PLACES_TAKEN_SQL = `select count(*)::int from shift_sign_up where shift_id = ? and status in (${statusList(PLACE_HOLDING_STATUSES)})`;

/** The LISTEN/NOTIFY topic of a shift's sign-up changes. */
export function shiftTopic(shiftUuid: string): string {
  return `shiftUpdated:${shiftUuid}`;
}
