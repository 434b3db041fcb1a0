import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRegion, uuidOfId, type RegionRef } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildVolunteerWorld, insertVolunteers, type VolunteerWorld } from '../support/volunteer-world.js';

let server: TestServer;
let world: VolunteerWorld;
let region: RegionRef;

/**
 * 50 activities in a region of their own, written in bulk, each with two shifts; every shift has a
 * confirmed volunteer and one waiting, and the first shift's volunteer has credited hours.
 */
async function insertActivities(): Promise<void> {
  const [first, second] = await insertVolunteers(server, 2);
  const project = uuidOfId(world.projectId);
  await server.sql(
    `insert into volunteer_activity (id, created_at, updated_at, project_id, organisation_id, need_id, title, description, place, region_id)
     select gen_random_uuid(), now() - make_interval(mins => g), now(), ?, ?, ?, '批量活动 ' || g, '批量写入的活动', '社区', ?
       from generate_series(1, 50) g`,
    [project, world.organisations.social.uuid, uuidOfId(world.hoursNeedId), region.uuid],
  );
  await server.sql(
    `insert into shift (id, created_at, activity_id, starts_at, ends_at, capacity, required_skills, check_in_code)
     select gen_random_uuid(), now(), a.id, timestamptz '2026-12-01 09:00+08' + make_interval(days => d), timestamptz '2026-12-01 12:00+08' + make_interval(days => d), 1, '{}', 'ABCDEF'
       from volunteer_activity a cross join generate_series(0, 1) d where a.region_id = ?`,
    [region.uuid],
  );
  await server.sql(
    `insert into shift_sign_up (id, created_at, shift_id, person_id, status)
     select gen_random_uuid(), now(), s.id, p.id, p.status::shift_sign_up_status
       from shift s join volunteer_activity a on a.id = s.activity_id
      cross join (values (?::uuid, 'COMPLETED'), (?::uuid, 'WAITLISTED')) p(id, status)
      where a.region_id = ?`,
    [first!.uuid, second!.uuid, region.uuid],
  );
  await server.sql(
    `insert into service_hours_entry (id, created_at, person_id, sign_up_id, shift_id, organisation_id, hours, kind, verified_by_id)
     select gen_random_uuid(), now(), su.person_id, su.id, su.shift_id, ?, 3, 'CREDIT', ?
       from shift_sign_up su join shift s on s.id = su.shift_id join volunteer_activity a on a.id = s.activity_id
      where a.region_id = ? and su.status = 'COMPLETED'`,
    [world.organisations.social.uuid, world.coordinator.uuid, region.uuid],
  );
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildVolunteerWorld(server);
  region = await insertRegion(server, '批量社区', 'VILLAGE', world.regions.townshipA);
  await insertActivities();
});
afterAll(() => server?.stop());

const PAGE = `query ($first: Int!, $regionId: ID!) {
  volunteerActivities(first: $first, filter: { regionId: $regionId }) {
    totalCount
    nodes {
      id title place viewerCanUpdate viewerCanCoordinate
      project { id title status }
      organisation { id name kind }
      need { id quantity delivered remaining }
      region { id name }
      shifts {
        totalCount
        nodes {
          id startsAt endsAt capacity lengthHours placesTaken remainingPlaces waitlistCount checkInCode viewerCanSignUp viewerCanCoordinate
          viewerSignUp { id status waitlistPosition }
          signUps { totalCount nodes { id status waitlistPosition hoursConfirmed viewerCanCancel person { id name } serviceHoursEntries { hours points } } }
        }
      }
    }
  }
}`;

async function statementsFor(first: number): Promise<number> {
  server.statements.reset();
  const data = await world.coordinator.client.query(PAGE, { first, regionId: region.id });
  expect(data.volunteerActivities.nodes).toHaveLength(first);
  expect(data.volunteerActivities.nodes[0].shifts.nodes[0].signUps.totalCount).toBe(2);
  return server.statements.count;
}

describe('volunteerActivities statement count', () => {
  it('runs the same number of SQL statements for 5 and for 50 activities with shifts, counts and rosters', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty).toBe(five);
    expect(five).toBeLessThan(30);
  });
});
