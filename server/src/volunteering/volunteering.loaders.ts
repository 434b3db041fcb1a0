import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { serviceRecordLines, type ServiceRecordLineRow } from './service-record.js';
import { ENTRIES_WITH_RATE } from './service-hours-sql.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import { DEFAULT_POINTS_PER_HOUR } from './volunteer-points-rule.entity.js';
import { PLACE_HOLDING_STATUSES, ShiftSignUpStatus, statusList } from './volunteering.enums.js';

/** How full a shift is, counted in SQL. */
export interface ShiftCounts {
  /** Sign-ups holding a place (confirmed, checked in, completed, no-show). */
  placesTaken: number;
  waitlisted: number;
}

/** A person's service totals, summed from the ledger in `numeric`. */
export interface ServiceTotals {
  hours: string;
  points: string;
}

const placeholders = (keys: readonly unknown[]) => keys.map(() => '?').join(', ');

export function createVolunteeringLoaders(em: EntityManager) {
  const connection = () => em.getConnection();
  return {
    activityByUuid: entityLoader(em, VolunteerActivity),
    activitiesByProject: groupLoader(
      (projects: readonly string[]) =>
        em.find(VolunteerActivity, { project: { $in: [...projects] } }, { orderBy: { createdAt: 'desc', uuid: 'desc' } }),
      (activity) => activity.project.uuid,
    ),
    shiftByUuid: entityLoader(em, Shift),
    /** Shifts of each activity of a page, earliest first: one statement. */
    shiftsByActivity: groupLoader(
      (activities: readonly string[]) =>
        em.find(Shift, { activity: { $in: [...activities] } }, { orderBy: { startsAt: 'asc', uuid: 'asc' } }),
      (shift) => shift.activity.uuid,
    ),
    /** Places taken and waiting per shift: one grouped count for every shift of a page. */
    shiftCounts: new DataLoader<string, ShiftCounts>(async (shifts) => {
      const rows = await connection().execute<{ shift_id: string; taken: number; waitlisted: number }[]>(
        `select shift_id, (count(*) filter (where status in (${statusList(PLACE_HOLDING_STATUSES)})))::int as taken,
                (count(*) filter (where status = 'WAITLISTED'))::int as waitlisted
           from shift_sign_up where shift_id in (${placeholders(shifts)}) group by shift_id`,
        [...shifts],
      );
      const byShift = new Map(rows.map((row) => [row.shift_id, { placesTaken: row.taken, waitlisted: row.waitlisted }]));
      return shifts.map((uuid) => byShift.get(uuid) ?? { placesTaken: 0, waitlisted: 0 });
    }),
    signUpByUuid: entityLoader(em, ShiftSignUp),
    /** The roster: every sign-up of each shift in sign-up order, the volunteer joined in. */
    signUpsByShift: groupLoader(
      (shifts: readonly string[]) =>
        em.find(ShiftSignUp, { shift: { $in: [...shifts] } }, { populate: ['person'], orderBy: { sequence: 'asc' } }),
      (signUp) => signUp.shift.uuid,
    ),
    /** A person's live sign-up for a shift, keyed `shiftUuid:personUuid` (the viewer's, on a page of shifts). */
    liveSignUp: new DataLoader<string, ShiftSignUp | undefined>(async (keys) => {
      const pairs = keys.map((key) => key.split(':') as [string, string]);
      const rows = await em.find(ShiftSignUp, {
        shift: { $in: [...new Set(pairs.map(([shift]) => shift))] },
        person: { $in: [...new Set(pairs.map(([, person]) => person))] },
        status: { $ne: ShiftSignUpStatus.CANCELLED },
      });
      const byKey = new Map(rows.map((row) => [`${row.shift.uuid}:${row.person.uuid}`, row]));
      return keys.map((key) => byKey.get(key));
    }),
    /** 1 for the first person waiting, and so on; null for a sign-up that is not waiting. */
    waitlistPosition: new DataLoader<string, number | null>(async (signUps) => {
      const rows = await connection().execute<{ id: string; position: number }[]>(
        `select s.id, (select count(*)::int from shift_sign_up w
                        where w.shift_id = s.shift_id and w.status = 'WAITLISTED' and w.sequence <= s.sequence) as position
           from shift_sign_up s where s.id in (${placeholders(signUps)}) and s.status = 'WAITLISTED'`,
        [...signUps],
      );
      const byUuid = new Map(rows.map((row) => [row.id, row.position]));
      return signUps.map((uuid) => byUuid.get(uuid) ?? null);
    }),
    /** Hours confirmed for each sign-up: its ledger entries summed (credits and corrections). */
    hoursBySignUp: new DataLoader<string, string>(async (signUps) => {
      const rows = await connection().execute<{ sign_up_id: string; hours: string }[]>(
        `select sign_up_id, sum(hours)::numeric(8, 2)::text as hours from service_hours_entry
          where sign_up_id in (${placeholders(signUps)}) group by sign_up_id`,
        [...signUps],
      );
      const byUuid = new Map(rows.map((row) => [row.sign_up_id, row.hours]));
      return signUps.map((uuid) => byUuid.get(uuid) ?? '0.00');
    }),
    entryByUuid: entityLoader(em, ServiceHoursEntry),
    entriesBySignUp: groupLoader(
      (signUps: readonly string[]) =>
        em.find(ServiceHoursEntry, { signUp: { $in: [...signUps] } }, { orderBy: { createdAt: 'asc', uuid: 'asc' } }),
      (entry) => entry.signUp.uuid,
    ),
    /** Points each ledger entry earned, at the rate in force when its hours were confirmed. */
    entryPoints: new DataLoader<string, string>(async (entries) => {
      const rows = await connection().execute<{ id: string; points: string }[]>(
        `select e.id, (e.hours * rate.per_hour)::numeric(12, 2)::text as points from ${ENTRIES_WITH_RATE}
          where e.id in (${placeholders(entries)})`,
        [...entries],
      );
      const byUuid = new Map(rows.map((row) => [row.id, row.points]));
      return entries.map((uuid) => byUuid.get(uuid) ?? '0.00');
    }),
    /** Each person's service per activity (the certificate's lines), one statement for a page of people. */
    serviceRecordLines: groupLoader<string, ServiceRecordLineRow>(
      (people) => serviceRecordLines(em, people),
      (line) => line.personUuid,
    ),
    /** Total hours and points per person, summed from the ledger. */
    serviceTotals: new DataLoader<string, ServiceTotals>(async (people) => {
      const rows = await connection().execute<{ person_id: string; hours: string; points: string }[]>(
        `select e.person_id, sum(e.hours)::numeric(10, 2)::text as hours, sum(e.hours * rate.per_hour)::numeric(14, 2)::text as points
           from ${ENTRIES_WITH_RATE}
          where e.person_id in (${placeholders(people)}) group by e.person_id`,
        [...people],
      );
      const byPerson = new Map(rows.map((row) => [row.person_id, { hours: row.hours, points: row.points }]));
      return people.map((uuid) => byPerson.get(uuid) ?? { hours: '0.00', points: '0.00' });
    }),
    /**
     * The points rate in force at an instant, keyed `organisationUuid|ISO instant` (the instant comes from
     * the request's clock): the organisation's own latest rule, else the platform-wide one, else the
     * default. An empty organisation (`|instant`) asks for the platform-wide rate alone.
     */
    pointsRate: new DataLoader<string, string>(async (keys) => {
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const rows = await connection().execute<{ key: number; per_hour: string }[]>(
        `select k.key, coalesce((
                  select rule.points_per_hour from volunteer_points_rule rule
                   where (rule.organisation_id = k.organisation_id or rule.organisation_id is null) and rule.effective_from <= k.at::timestamptz
                   order by rule.organisation_id is null, rule.effective_from desc, rule.id desc limit 1), ${DEFAULT_POINTS_PER_HOUR})::numeric(8, 2)::text as per_hour
           from (values ${pairs.map(() => "(?::int, nullif(?, '')::uuid, ?::text)").join(', ')}) as k(key, organisation_id, at)`,
        pairs.flatMap((pair, index) => [index, ...pair]),
      );
      const byKey = new Map(rows.map((row) => [row.key, row.per_hour]));
      return keys.map((_, index) => byKey.get(index) ?? DEFAULT_POINTS_PER_HOUR);
    }),
  };
}
