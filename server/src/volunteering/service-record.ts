import type { EntityManager } from '@mikro-orm/postgresql';
import { ENTRIES_WITH_RATE } from './service-hours-sql.js';
import type { ServiceHoursKind } from './volunteering.enums.js';

/** One activity of a person's service record: the hours served for it, summed with corrections. */
export interface ServiceRecordLineRow {
  personUuid: string;
  activityUuid: string;
  organisationUuid: string;
  firstDay: string;
  lastDay: string;
  shiftCount: number;
  hours: string;
  points: string;
}

/**
 * The service of each person per activity, in the order they first served it: what the certificate
 * (志愿服务记录证明) lists. Days are days in China; activities whose hours were corrected away to zero
 * drop out. One statement for any number of people.
 */
export async function serviceRecordLines(em: EntityManager, personUuids: readonly string[]): Promise<ServiceRecordLineRow[]> {
  const rows = await em.getConnection().execute<
    {
      person_id: string;
      activity_id: string;
      organisation_id: string;
      first_day: string;
      last_day: string;
      shifts: number;
      hours: string;
      points: string;
    }[]
  >(
    `select e.person_id, s.activity_id, e.organisation_id,
            to_char(min(s.starts_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as first_day,
            to_char(max(s.starts_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as last_day,
            count(distinct e.sign_up_id)::int as shifts,
            sum(e.hours)::numeric(10, 2)::text as hours,
            sum(e.hours * rate.per_hour)::numeric(14, 2)::text as points
       from ${ENTRIES_WITH_RATE}
       join shift s on s.id = e.shift_id
      where e.person_id in (${personUuids.map(() => '?').join(', ')})
      group by e.person_id, s.activity_id, e.organisation_id
     having sum(e.hours) <> 0
      order by e.person_id, min(s.starts_at), s.activity_id`,
    [...personUuids],
  );
  return rows.map((row) => ({
    personUuid: row.person_id,
    activityUuid: row.activity_id,
    organisationUuid: row.organisation_id,
    firstDay: row.first_day,
    lastDay: row.last_day,
    shiftCount: row.shifts,
    hours: row.hours,
    points: row.points,
  }));
}

/** One ledger entry as the export shows it. */
export interface ServiceHoursExportRow {
  activity: string;
  organisation: string;
  day: string;
  hours: string;
  verifiedBy: string;
  kind: ServiceHoursKind;
  reason: string;
  recordedAt: string;
}

/** Every ledger entry of the person, by shift date then entry time: the rows of the CSV/XLSX export. */
export async function serviceHoursExportRows(em: EntityManager, personUuid: string): Promise<ServiceHoursExportRow[]> {
  const rows = await em.getConnection().execute<
    {
      activity: string;
      organisation: string;
      day: string;
      hours: string;
      verified_by: string | null;
      kind: ServiceHoursKind;
      reason: string | null;
      recorded_at: string;
    }[]
  >(
    `select va.title as activity, o.name as organisation,
            to_char(s.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
            e.hours::text as hours, verifier.name as verified_by, e.kind, e.reason,
            to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as recorded_at
       from service_hours_entry e
       join shift s on s.id = e.shift_id
       join volunteer_activity va on va.id = s.activity_id
       join organisation o on o.id = e.organisation_id
       left join person verifier on verifier.id = e.verified_by_id
      where e.person_id = ?
      order by s.starts_at, e.created_at, e.id`,
    [personUuid],
  );
  return rows.map((row) => ({
    activity: row.activity,
    organisation: row.organisation,
    day: row.day,
    hours: row.hours,
    verifiedBy: row.verified_by ?? '',
    kind: row.kind,
    reason: row.reason ?? '',
    recordedAt: row.recorded_at,
  }));
}
