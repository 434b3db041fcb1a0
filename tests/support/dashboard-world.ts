import { randomUUID } from 'node:crypto';
import type { TestServer } from './server.js';
import { buildTinyWorld, globalId, insertOrganisation, type RegionRef, type TinyWorld } from './tiny-world.js';

/**
 * A constructed region with every kind of figure the region dashboard counts, around January 2026 in
 * China (FROM–TO below), with the answers worked out by hand in region-dashboard.test.ts.
 *
 *   区 district ─┬─ 甲街道 townshipA ─┬─ 甲社区 villageA ── 甲网格 gridA
 *                │                    └─ 甲二社区 villageA2 ── 甲二网格 gridA2
 *                └─ 乙街道 townshipB ── 乙社区 villageB
 *
 * Projects (lead: the Party branch, all pledges by the tiny world's enterprise):
 *   P1 ACTIVE     2025-10-01 – 2026-06-30  villageA + villageA2 (counts in both children, once in the total)
 *   P2 RECRUITING 2026-01-31 – (open)      villageA2 (starts on the period's last day)
 *   P3 COMPLETED  2025-06-01 – 2025-12-31  villageA (ended the day before the period)
 *   P4 DRAFT      2026-01-01 – 2026-12-31  villageA (never counted)
 *   P5 CANCELLED  2026-01-10 – 2026-03-01  townshipA itself (in the total, in no child)
 *   P6 ACTIVE     2026-01-01 – 2026-12-31  villageB (another street)
 */
export const FROM = '2025-12-31T16:00:00.000Z'; // 2026-01-01 00:00 in China
export const TO = '2026-01-31T16:00:00.000Z'; // 2026-02-01 00:00 in China

/** An instant given in China time, e.g. cn('2026-01-05 09:00'). */
export const cn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export interface DashboardWorld extends TinyWorld {
  villageA2: RegionRef;
  gridA2: RegionRef;
  /** Volunteers by their number in the scenario (v1…v6). */
  volunteers: { uuid: string; name: string }[];
}

async function insertRegion(server: TestServer, name: string, level: string, parent: RegionRef): Promise<RegionRef> {
  const uuid = randomUUID();
  const path = `${parent.path}${uuid}/`;
  await server.sql(`insert into region (id, created_at, name, level, parent_id, path) values (?, now(), ?, ?, ?, ?)`, [
    uuid,
    name,
    level,
    parent.uuid,
    path,
  ]);
  return { uuid, id: globalId('Region', uuid), path, name };
}

export async function buildDashboardWorld(server: TestServer): Promise<DashboardWorld> {
  const world = await buildTinyWorld(server);
  const { villageA, gridA, villageB, townshipA } = world.regions;
  const villageA2 = await insertRegion(server, '甲二社区', 'VILLAGE', townshipA);
  const gridA2 = await insertRegion(server, '甲二网格', 'GRID', villageA2);
  const sql = (query: string, params: unknown[]) => server.sql(query, params);
  const id = () => randomUUID();

  const branch = await insertOrganisation(server, {
    name: '甲社区党支部',
    kind: 'PARTY_ORGANISATION',
    regionUuid: villageA.uuid,
    status: 'VERIFIED',
  });
  const enterprise = world.organisation.uuid;

  const project = async (status: string, start: string, end: string | null, regions: RegionRef[]) => {
    const uuid = id();
    await sql(
      `insert into project (id, created_at, title, summary, category, status, start_date, end_date, lead_organisation_id)
       values (?, ?, ?, '构造的项目', 'OTHER', ?, ?, ?, ?)`,
      [uuid, cn('2025-06-01 09:00'), `项目${status}`, status, start, end, branch.uuid],
    );
    for (const region of regions) {
      await sql(`insert into project_region (id, created_at, project_id, region_id) values (?, now(), ?, ?)`, [id(), uuid, region.uuid]);
    }
    return uuid;
  };
  const P1 = await project('ACTIVE', '2025-10-01', '2026-06-30', [villageA, villageA2]);
  const P2 = await project('RECRUITING', '2026-01-31', null, [villageA2]);
  const P3 = await project('COMPLETED', '2025-06-01', '2025-12-31', [villageA]);
  const P4 = await project('DRAFT', '2026-01-01', '2026-12-31', [villageA]);
  const P5 = await project('CANCELLED', '2026-01-10', '2026-03-01', [townshipA]);
  const P6 = await project('ACTIVE', '2026-01-01', '2026-12-31', [villageB]);

  const need = async (projectUuid: string, kind: string, quantity: string, created: Date) => {
    const uuid = id();
    await sql(`insert into need (id, created_at, project_id, kind, description, quantity, unit) values (?, ?, ?, ?, '构造的需求', ?, ?)`, [
      uuid,
      created,
      projectUuid,
      kind,
      quantity,
      kind === 'FUNDS' ? '元' : '件',
    ]);
    return uuid;
  };
  const N1 = await need(P1, 'FUNDS', '100000.00', cn('2026-01-05 10:00'));
  const N2 = await need(P1, 'MATERIALS', '50', cn('2025-12-20 10:00'));
  const N3 = await need(P2, 'FUNDS', '20000.00', cn('2026-01-31 23:59'));
  await need(P4, 'FUNDS', '9999.00', cn('2026-01-05 10:00'));
  await need(P5, 'VOLUNTEER_HOURS', '100', new Date(TO));
  const N6 = await need(P6, 'FUNDS', '5000.00', cn('2026-01-05 10:00'));
  const N7 = await need(P3, 'FUNDS', '8000.00', cn('2025-07-01 10:00'));

  const pledge = async (needUuid: string, projectUuid: string, quantity: string, status: string, created: Date, responded: Date | null) => {
    const uuid = id();
    await sql(
      `insert into pledge (id, created_at, need_id, project_id, organisation_id, quantity, status, responded_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [uuid, created, needUuid, projectUuid, enterprise, quantity, status, responded],
    );
    return uuid;
  };
  const PL1 = await pledge(N1, P1, '30000.50', 'ACCEPTED', cn('2026-01-06 10:00'), cn('2026-01-07 10:00'));
  const PL2 = await pledge(N1, P1, '12345.67', 'FULFILLED', cn('2025-12-28 10:00'), cn('2026-01-02 10:00'));
  await pledge(N1, P1, '1000.00', 'PROPOSED', cn('2026-01-10 10:00'), null);
  const PL4 = await pledge(N2, P1, '10', 'ACCEPTED', cn('2026-01-08 10:00'), cn('2026-01-09 10:00'));
  await pledge(N3, P2, '5000.00', 'DECLINED', cn('2026-01-15 10:00'), cn('2026-01-16 10:00'));
  await pledge(N3, P2, '2000.00', 'ACCEPTED', cn('2026-01-20 10:00'), cn('2026-02-01 01:00'));
  const PL7 = await pledge(N7, P3, '8000.00', 'FULFILLED', cn('2025-07-02 10:00'), cn('2025-07-03 10:00'));
  await pledge(N6, P6, '1000.00', 'ACCEPTED', cn('2026-01-06 10:00'), cn('2026-01-07 10:00'));

  const delivery = async (pledgeUuid: string, quantity: string, confirmed: Date | null) =>
    sql(
      `insert into delivery (id, created_at, pledge_id, quantity, delivered_on, evidence_urls, confirmed_at) values (?, ?, ?, ?, ?, '{}', ?)`,
      [id(), cn('2025-12-01 10:00'), pledgeUuid, quantity, '2025-12-01', confirmed],
    );
  await delivery(PL2, '12345.67', cn('2026-01-03 10:00'));
  await delivery(PL4, '5', cn('2026-01-12 10:00'));
  await delivery(PL7, '8000.00', cn('2026-01-04 10:00'));
  await delivery(PL1, '500.00', null);
  await delivery(PL1, '100.00', cn('2025-12-31 23:59'));

  // Volunteers v1…v6.
  const volunteers: { uuid: string; name: string }[] = [];
  for (let n = 1; n <= 6; n += 1) {
    const uuid = id();
    await sql(`insert into person (id, created_at, name, tags, skills) values (?, now(), ?, '{RESIDENT,VOLUNTEER}', '{}')`, [
      uuid,
      `志愿者${n}号`,
    ]);
    volunteers.push({ uuid, name: `志愿者${n}号` });
  }
  const v = (n: number) => volunteers[n - 1]!.uuid;
  const activity = async (projectUuid: string, region: RegionRef) => {
    const uuid = id();
    await sql(
      `insert into volunteer_activity (id, created_at, project_id, organisation_id, title, description, place, region_id, updated_at)
       values (?, now(), ?, ?, '构造的活动', '说明', '活动室', ?, now())`,
      [uuid, projectUuid, branch.uuid, region.uuid],
    );
    return uuid;
  };
  const shift = async (activityUuid: string, starts: Date, ends: Date) => {
    const uuid = id();
    await sql(
      `insert into shift (id, created_at, activity_id, starts_at, ends_at, capacity, required_skills, check_in_code) values (?, now(), ?, ?, ?, 10, '{}', '123456')`,
      [uuid, activityUuid, starts, ends],
    );
    return uuid;
  };
  /** A sign-up and its ledger entries (CREDIT first, then corrections), dated `recorded`. */
  const signUp = async (shiftUuid: string, person: string, status: string, hours: string[] = [], recorded = cn('2026-01-25 10:00')) => {
    const uuid = id();
    await sql(`insert into shift_sign_up (id, created_at, shift_id, person_id, status) values (?, now(), ?, ?, ?)`, [
      uuid,
      shiftUuid,
      person,
      status,
    ]);
    let credit: string | null = null;
    for (const entry of hours) {
      const entryUuid = id();
      await sql(
        `insert into service_hours_entry (id, created_at, person_id, sign_up_id, shift_id, organisation_id, hours, kind, reason, corrects_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          entryUuid,
          recorded,
          person,
          uuid,
          shiftUuid,
          branch.uuid,
          entry,
          credit ? 'CORRECTION' : 'CREDIT',
          credit ? '更正' : null,
          credit,
        ],
      );
      credit ??= entryUuid;
    }
  };
  const AC1 = await activity(P1, gridA);
  const AC2 = await activity(P2, villageA2);
  const AC3 = await activity(P6, villageB);
  const S1 = await shift(AC1, cn('2026-01-10 09:00'), cn('2026-01-10 12:00'));
  await signUp(S1, v(1), 'COMPLETED', ['3.00']);
  await signUp(S1, v(2), 'COMPLETED', ['3.00', '-0.50']);
  await signUp(S1, v(3), 'NO_SHOW');
  await signUp(S1, v(4), 'CANCELLED');
  const S2 = await shift(AC1, cn('2025-12-31 21:00'), cn('2025-12-31 23:00'));
  await signUp(S2, v(1), 'COMPLETED', ['2.00']);
  const S3 = await shift(AC2, cn('2026-01-20 14:00'), cn('2026-01-20 16:30'));
  await signUp(S3, v(1), 'COMPLETED', ['2.50']);
  // Corrected in February: hours are dated by their shift, so this still counts for January.
  await signUp(S3, v(5), 'COMPLETED', ['2.50', '0.25'], cn('2026-02-10 10:00'));
  await signUp(S3, v(6), 'CONFIRMED');
  const S4 = await shift(AC3, cn('2026-01-15 09:00'), cn('2026-01-15 10:00'));
  await signUp(S4, v(2), 'COMPLETED', ['1.00']);

  // Residents' demands: resolved after 10, 30 and 50 hours; one open; one before the period.
  const ticket = async (grid: RegionRef, created: Date, status: string, resolvedAfterHours: number | null, rating: string | null) => {
    const resolved = resolvedAfterHours === null ? null : new Date(created.getTime() + resolvedAfterHours * 3_600_000);
    await sql(
      `insert into demand_ticket (id, created_at, updated_at, resident_id, submitted_by_id, channel, grid_id, category, description,
         contact_name, contact_preference, evidence_urls, resolution_evidence_urls, status, response_due_at, resolution_due_at,
         responded_at, resolved_at, rating, owner_organisation_id, assigned_organisation_id)
       values (?, ?, ?, ?, ?, 'ONLINE', ?, 'OTHER', '构造的点单', '测试', 'PHONE_CALL', '{}', '{}', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id(),
        created,
        created,
        world.people.resident.uuid,
        world.people.resident.uuid,
        grid.uuid,
        status,
        new Date(created.getTime() + 24 * 3_600_000),
        new Date(created.getTime() + 7 * 24 * 3_600_000),
        resolved ? new Date(created.getTime() + 3_600_000) : null,
        resolved,
        rating,
        resolved ? enterprise : null,
        resolved ? enterprise : null,
      ],
    );
  };
  await ticket(gridA, cn('2026-01-05 09:00'), 'RATED', 10, 'SATISFIED');
  await ticket(gridA, cn('2026-01-06 09:00'), 'RESOLVED', 30, null);
  await ticket(gridA2, cn('2026-01-07 09:00'), 'RATED', 50, 'PARTLY');
  await ticket(gridA2, cn('2026-01-08 09:00'), 'SUBMITTED', null, null);
  await ticket(gridA, cn('2025-12-30 09:00'), 'RATED', 5, 'SATISFIED');
  return { ...world, villageA2, gridA2, volunteers };
}
