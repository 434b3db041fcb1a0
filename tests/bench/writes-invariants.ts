/**
 * What must hold after any number of concurrent writes, checked in SQL on the bench's copy of the
 * database. The rules are the services' own: server/src/volunteering (shift-sign-up.service.ts,
 * waitlist.ts, volunteering.enums.ts) and server/src/pledges with server/src/needs/need-ledger.ts.
 */
import type pg from 'pg';

export interface InvariantResult {
  name: string;
  /** Rows breaking the rule; 0 when it holds. */
  violations: number;
}

const PLACE_HOLDING = `('CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')`;
const TIME_COMMITTING = `('CONFIRMED', 'CHECKED_IN')`;
const LIVE_PLEDGE = `('PROPOSED', 'ACCEPTED', 'FULFILLED')`;

/** `$1` is when the writes began. */
const CHECKS: { name: string; sql: string }[] = [
  {
    name: 'no shift has more places taken than its capacity',
    sql: `select count(*)::int as violations from (
            select s.id from shift s join shift_sign_up u on u.shift_id = s.id and u.status in ${PLACE_HOLDING}
             group by s.id, s.capacity having count(*) > s.capacity) over`,
  },
  {
    name: 'nobody waits for a shift that has a free place',
    sql: `select count(*)::int as violations from shift s
           where exists (select 1 from shift_sign_up w where w.shift_id = s.id and w.status = 'WAITLISTED')
             and (select count(*) from shift_sign_up u where u.shift_id = s.id and u.status in ${PLACE_HOLDING}) < s.capacity`,
  },
  {
    name: 'one live sign-up per volunteer and shift',
    sql: `select count(*)::int as violations from (
            select 1 from shift_sign_up where status <> 'CANCELLED' group by shift_id, person_id having count(*) > 1) twice`,
  },
  {
    // Of the pairs one of which the writes made: the generated data set has a few overlapping places of
    // its own (its shifts all start at 9:00 and their volunteers are drawn at random).
    name: 'no volunteer holds two places at the same time',
    sql: `select count(*)::int as violations from shift_sign_up a join shift sa on sa.id = a.shift_id
            join shift_sign_up b on b.person_id = a.person_id and b.id <> a.id and b.status in ${TIME_COMMITTING}
            join shift sb on sb.id = b.shift_id
           where a.status in ${TIME_COMMITTING} and a.created_at >= $1 and (b.created_at < $1 or a.id < b.id)
             and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at`,
  },
  {
    name: 'no need is pledged beyond its quantity (unless it allows oversubscription)',
    sql: `select count(*)::int as violations from need n
           where not n.allow_oversubscription
             and (select coalesce(sum(p.quantity), 0) from pledge p where p.need_id = n.id and p.status in ${LIVE_PLEDGE}) > n.quantity`,
  },
];

export async function checkInvariants(client: pg.ClientBase, since: Date): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const check of CHECKS) {
    const { rows } = await client.query<{ violations: number }>(check.sql, check.sql.includes('$1') ? [since] : []);
    results.push({ name: check.name, violations: rows[0]!.violations });
  }
  return results;
}

/** The database's clock: sign-ups are stamped with the server's, so compare in the database's terms. */
export async function databaseNow(client: pg.ClientBase): Promise<Date> {
  const { rows } = await client.query<{ now: Date }>('select now() as now');
  return rows[0]!.now;
}

/** Activity entries so far: every successful change writes exactly one (see activity/recorded-change.ts). */
export async function activityEntries(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ entries: number }>('select count(*)::int as entries from activity_entry');
  return rows[0]!.entries;
}
