/**
 * What the write benchmark works on, prepared on a copy of the bench database (never the one the reads
 * and the correctness gate see): signed-in people, open needs, future shifts and movable deliverables.
 *
 * The data set is dated around a fixed instant (DATASET_EPOCH) while the server checks deadlines and
 * shift starts against the wall clock, so the copy is brought up to date first: needs of recruiting and
 * active projects get a deadline a year ahead, and shifts are added from tomorrow on.
 */
import type pg from 'pg';
import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { issueSessions } from './support/sessions.js';

/** Shifts many volunteers race for: few places each. */
export const HOT_SHIFTS = 20;
export const HOT_CAPACITY = 5;
/** Ordinary shifts added per volunteer activity, with the data set's 12 places each. */
const SPREAD_SHIFTS_PER_ACTIVITY = 2;
const SPREAD_CAPACITY = 12;

export interface Actor {
  personUuid: string;
  cookie: string;
}

export interface WritesFixture {
  needs: { id: string; uuid: string; quantity: string }[];
  /** A member of a verified organisation, signed in, with that organisation's id. */
  pledgers: (Actor & { organisationId: string })[];
  /** People with the VOLUNTEER tag, signed in. */
  volunteers: Actor[];
  spreadShifts: string[];
  hotShifts: string[];
  /** Deliverables of recruiting and active projects not yet accepted, with an ADMIN of the lead signed in. */
  deliverables: { id: string; status: string; cookie: string }[];
}

const ACCEPTING = `('RECRUITING', 'ACTIVE')`;

async function openNeeds(client: pg.ClientBase): Promise<WritesFixture['needs']> {
  await client.query(
    `update need n set deadline = current_date + 365 from project p
      where p.id = n.project_id and p.status in ${ACCEPTING} and n.closed_at is null and n.deadline < current_date + 30`,
  );
  const { rows } = await client.query<{ id: string; quantity: string }>(
    `select n.id, n.quantity::text as quantity from need n join project p on p.id = n.project_id
      where p.status in ${ACCEPTING} and n.closed_at is null and not n.allow_oversubscription order by n.id`,
  );
  return rows.map((row) => ({ id: toGlobalId('Need', row.id), uuid: row.id, quantity: row.quantity }));
}

/**
 * One-hour shifts back to back from tomorrow on, the hot ones first, spread over the activities of
 * recruiting and active projects. Back to back, none overlaps another: a volunteer may hold places on
 * any of them, so SHIFT_OVERLAP is not what the sign-ups measure.
 */
async function addShifts(client: pg.ClientBase): Promise<{ hot: string[]; spread: string[] }> {
  const { rows: activities } = await client.query<{ id: string }>(
    `select a.id from volunteer_activity a join project p on p.id = a.project_id where p.status in ${ACCEPTING} order by a.id`,
  );
  if (!activities.length) {
    throw new Error('writes: the data set has no volunteer activity of a recruiting or active project');
  }
  const total = HOT_SHIFTS + activities.length * SPREAD_SHIFTS_PER_ACTIVITY;
  const { rows } = await client.query<{ id: string; capacity: number }>(
    `insert into shift (id, created_at, activity_id, starts_at, ends_at, capacity, required_skills, check_in_code)
     select uuidv7(), now(), ($1::uuid[])[1 + g % cardinality($1::uuid[])],
            date_trunc('hour', now()) + interval '1 day' + g * interval '1 hour',
            date_trunc('hour', now()) + interval '1 day' + (g + 1) * interval '1 hour',
            case when g < $2::int then $3::int else $4::int end, '{}', (100000 + (g * 7919) % 900000)::text
       from generate_series(0, $5::int - 1) as g
     returning id, capacity`,
    [activities.map((row) => row.id), HOT_SHIFTS, HOT_CAPACITY, SPREAD_CAPACITY, total],
  );
  const ids = rows.map((row) => toGlobalId('Shift', row.id));
  return { hot: ids.slice(0, HOT_SHIFTS), spread: ids.slice(HOT_SHIFTS) };
}

/** Prepares the copy at `client` and signs everyone in who will write. */
export async function prepareWrites(client: pg.ClientBase): Promise<WritesFixture> {
  const needs = await openNeeds(client);
  const shifts = await addShifts(client);
  const members = (
    await client.query<{ person: string; organisation: string }>(
      `select m.person_id as person, m.organisation_id as organisation from membership m
         join organisation o on o.id = m.organisation_id join person p on p.id = m.person_id
        where o.verification_status = 'VERIFIED' and p.deleted_at is null order by m.id`,
    )
  ).rows;
  const volunteers = (
    await client.query<{ id: string }>(`select id from person where 'VOLUNTEER' = any(tags) and deleted_at is null order by id`)
  ).rows.map((row) => row.id);
  const deliverables = (
    await client.query<{ id: string; status: string; person: string }>(
      `select d.id, d.status, m.person_id as person from deliverable d join project p on p.id = d.project_id
         join lateral (select person_id from membership where organisation_id = p.lead_organisation_id and role = 'ADMIN'
                        order by id limit 1) m on true
        where p.status in ${ACCEPTING} and d.status <> 'ACCEPTED' order by d.id`,
    )
  ).rows;
  if (!needs.length || !members.length || !volunteers.length || !deliverables.length) {
    throw new Error('writes: the data set lacks open needs, verified members, volunteers or deliverables');
  }
  const people = [...new Set([...members.map((m) => m.person), ...volunteers, ...deliverables.map((d) => d.person)])];
  const cookies = new Map(people.map((person, index) => [person, index]));
  const issued = await issueSessions(client, people);
  // The set-up's own churn (needs re-dated, shifts and sessions added) would otherwise bring autovacuum
  // to these tables in the first measured rounds: the writes would pay for their set-up.
  await client.query('vacuum (analyze) need, shift, session');
  const cookieOf = (person: string) => issued[cookies.get(person)!]!;
  return {
    needs,
    pledgers: members.map((m) => ({
      personUuid: m.person,
      cookie: cookieOf(m.person),
      organisationId: toGlobalId('Organisation', m.organisation),
    })),
    volunteers: volunteers.map((person) => ({ personUuid: person, cookie: cookieOf(person) })),
    spreadShifts: shifts.spread,
    hotShifts: shifts.hot,
    deliverables: deliverables.map((d) => ({ id: toGlobalId('Deliverable', d.id), status: d.status, cookie: cookieOf(d.person) })),
  };
}
