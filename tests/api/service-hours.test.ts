import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphQLClient } from '../support/client.js';
import { addMember, demoAccount, insertOrganisation, signUpAccount, uuidOfId, type Account } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  at,
  buildVolunteerWorld,
  createShift,
  errorCodes,
  insertVolunteers,
  ok,
  VOPS,
  type VolunteerWorld,
} from '../support/volunteer-world.js';

let server: TestServer;
let world: VolunteerWorld;
const NOW = '2026-11-21T02:00:00.000Z';

beforeAll(async () => {
  server = await startTestServer({ env: { SESSION_DAYS: '365' } });
  world = await buildVolunteerWorld(server);
});
afterAll(() => server?.stop());
beforeEach(() => server.clock.set(NOW));

const RECORD = `query ($id: ID!) { person(id: $id) {
  serviceHoursTotal servicePoints
  serviceHours(first: 10) { totalCount nodes { hours kind reason points activity { id } organisation { id } verifiedBy { id } } }
} }`;

/** A volunteer signed up (confirmed) for a fresh shift, with the clock moved past its start. */
async function servedShift(options: { day: string; activityId?: string; volunteer?: Account }) {
  const shift = await createShift(world, { day: options.day, activityId: options.activityId });
  const volunteer = options.volunteer ?? (await insertVolunteers(server, 1))[0]!;
  const { signUp } = await ok(volunteer.client, VOPS.signUp, { input: { shiftId: shift.id } });
  server.clock.set(at(options.day, '13:30'));
  return { shiftId: shift.id, signUpId: signUp.id as string, volunteer };
}

async function attend(signUpId: string, extra: Record<string, unknown> = {}) {
  return (await ok(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED', ...extra } })).signUp;
}

describe('shiftAttendanceRecord', () => {
  it('credits the length of the shift by default and completes the sign-up', async () => {
    const { signUpId } = await servedShift({ day: '2026-12-01' });
    const signUp = await attend(signUpId);
    expect(signUp).toMatchObject({
      status: 'COMPLETED',
      hoursConfirmed: '4.00',
      serviceHoursEntries: [{ hours: '4.00', kind: 'CREDIT', reason: null, verifiedBy: { id: world.coordinator.id } }],
    });
  });

  it('takes other hours only with a reason', async () => {
    const { signUpId } = await servedShift({ day: '2026-12-02' });
    expect(await errorCodes(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED', hours: '3.5' } })).toEqual(
      ['REQUIRED'],
    );
    const signUp = await attend(signUpId, { hours: '3.5', reason: '提前一小时离开' });
    expect(signUp.serviceHoursEntries).toMatchObject([{ hours: '3.50', reason: '提前一小时离开' }]);
  });

  it.each([
    ['0', 'INVALID'],
    ['25', 'INVALID'],
    ['1.255', 'INVALID'],
    ['-2', 'INVALID'],
  ])('refuses %s hours', async (hours, code) => {
    const { signUpId } = await servedShift({ day: '2026-12-03' });
    expect(
      await errorCodes(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED', hours, reason: '测试' } }),
    ).toEqual([code]);
  });

  it('records a no-show without hours, which can still be turned into attendance, but never twice', async () => {
    const { signUpId } = await servedShift({ day: '2026-12-04' });
    const noShow = (await ok(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'NO_SHOW' } })).signUp;
    expect(noShow).toMatchObject({ status: 'NO_SHOW', hoursConfirmed: '0.00', serviceHoursEntries: [] });
    expect((await attend(signUpId)).status).toBe('COMPLETED');
    expect(await errorCodes(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED' } })).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('waits for the shift to start', async () => {
    const shift = await createShift(world, { day: '2026-12-05' });
    const [volunteer] = await insertVolunteers(server, 1);
    const { signUp } = await ok(volunteer!.client, VOPS.signUp, { input: { shiftId: shift.id } });
    expect(await errorCodes(world.coordinator.client, VOPS.attendance, { input: { signUpId: signUp.id, outcome: 'ATTENDED' } })).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('service-hours ledger', () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    const { signUpId } = await servedShift({ day: '2026-12-06' });
    await attend(signUpId);
    await expect(server.sql(`update service_hours_entry set hours = 99 where sign_up_id = ?`, [uuidOfId(signUpId)])).rejects.toThrow(
      /append-only/,
    );
    await expect(server.sql(`delete from service_hours_entry where sign_up_id = ?`, [uuidOfId(signUpId)])).rejects.toThrow(/append-only/);
    const [row] = await server.sql<{ hours: string }>(`select hours::text from service_hours_entry where sign_up_id = ?`, [
      uuidOfId(signUpId),
    ]);
    expect(row!.hours).toBe('4.00');
  });
});

describe('serviceHoursCorrect', () => {
  it('appends a correction with a reason; the credit stays as it was', async () => {
    const { signUpId, volunteer } = await servedShift({ day: '2026-12-07' });
    const [credit] = (await attend(signUpId)).serviceHoursEntries;
    const correction = await ok(world.coordinator.client, VOPS.correct, {
      input: { entryId: credit.id, hours: '-1.5', reason: '签到时间登记有误' },
    });
    expect(correction.serviceHoursEntry).toMatchObject({
      hours: '-1.50',
      kind: 'CORRECTION',
      reason: '签到时间登记有误',
      points: '-15.00',
      corrects: { id: credit.id },
    });
    const record = await volunteer.client.query(RECORD, { id: volunteer.id });
    expect(record.person.serviceHoursTotal).toBe('2.50');
    expect(record.person.serviceHours.nodes.map((node: { hours: string; kind: string }) => [node.hours, node.kind])).toEqual([
      ['-1.50', 'CORRECTION'],
      ['4.00', 'CREDIT'],
    ]);
  });

  it('never takes the hours of a shift below zero, and wants a reason', async () => {
    const { signUpId } = await servedShift({ day: '2026-12-08' });
    const [credit] = (await attend(signUpId)).serviceHoursEntries;
    expect(
      await errorCodes(world.coordinator.client, VOPS.correct, { input: { entryId: credit.id, hours: '-4.01', reason: '错误' } }),
    ).toEqual(['INVALID']);
    expect(await errorCodes(world.coordinator.client, VOPS.correct, { input: { entryId: credit.id, hours: '1', reason: ' ' } })).toEqual([
      'REQUIRED',
    ]);
    await ok(world.coordinator.client, VOPS.correct, { input: { entryId: credit.id, hours: '-4', reason: '实际未参加服务' } });
  });

  it('is refused to the volunteer and to coordinators of other organisations', async () => {
    const { signUpId, volunteer } = await servedShift({ day: '2026-12-09' });
    const [credit] = (await attend(signUpId)).serviceHoursEntries;
    const input = { entryId: credit.id, hours: '5', reason: '多记一些' };
    expect(await errorCodes(volunteer.client, VOPS.correct, { input })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(world.people.leadCoordinator.client, VOPS.correct, { input })).toEqual(['FORBIDDEN']);
  });
});

describe('Person.servicePoints', () => {
  it('earns 10 points an hour by default, and each hour keeps the rate in force when it was confirmed', async () => {
    const [volunteer] = await insertVolunteers(server, 1);
    const first = await servedShift({ day: '2026-12-10', volunteer });
    const [credit] = (await attend(first.signUpId)).serviceHoursEntries;
    expect((await volunteer!.client.query(RECORD, { id: volunteer!.id })).person).toMatchObject({
      serviceHoursTotal: '4.00',
      servicePoints: '40.00',
    });

    // A quarter of an hour later, the organisation's ADMIN raises its rate to 15 from now on.
    server.clock.set(at('2026-12-10', '13:45'));
    const admin = await signUpAccount(server, '社工机构负责人');
    await addMember(server, admin, world.organisations.social, 'ADMIN');
    expect(
      await errorCodes(world.coordinator.client, VOPS.pointsRuleSet, {
        input: { organisationId: world.organisations.social.id, pointsPerHour: '15' },
      }),
    ).toEqual(['FORBIDDEN']);
    const rule = await ok(admin.client, VOPS.pointsRuleSet, {
      input: { organisationId: world.organisations.social.id, pointsPerHour: '15' },
    });
    expect(rule.volunteerPointsRule).toMatchObject({ pointsPerHour: '15.00', organisation: { id: world.organisations.social.id } });

    server.clock.set(at('2026-12-10', '14:00'));
    const second = await servedShift({ day: '2026-12-11', volunteer });
    await attend(second.signUpId, { hours: '2', reason: '活动提前结束' });
    // A correction of the first shift is priced at the first shift's rate.
    await ok(world.coordinator.client, VOPS.correct, { input: { entryId: credit.id, hours: '-1', reason: '登记有误' } });
    expect((await volunteer!.client.query(RECORD, { id: volunteer!.id })).person).toMatchObject({
      serviceHoursTotal: '5.00',
      // 4 × 10 + 2 × 15 − 1 × 10
      servicePoints: '60.00',
    });
    const organisation = await admin.client.query(`query ($id: ID!) { node(id: $id) { ... on Organisation { volunteerPointsPerHour } } }`, {
      id: world.organisations.social.id,
    });
    expect(organisation.node.volunteerPointsPerHour).toBe('15.00');
  });

  it('falls back to the platform-wide rate the platform admin sets, which anyone may read', async () => {
    const platformAdmin = await demoAccount(server, '13800000001');
    const platformRate = async () =>
      (await new GraphQLClient(server.url).query(`{ platformVolunteerPointsPerHour }`)).platformVolunteerPointsPerHour;
    expect(await platformRate()).toBe('10.00');
    expect(await errorCodes(world.coordinator.client, VOPS.pointsRuleSet, { input: { pointsPerHour: '20' } })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(platformAdmin.client, VOPS.pointsRuleSet, { input: { pointsPerHour: '-1' } })).toEqual(['INVALID']);
    await ok(platformAdmin.client, VOPS.pointsRuleSet, { input: { pointsPerHour: '20' } });
    const organisation = await platformAdmin.client.query(
      `query ($id: ID!) { node(id: $id) { ... on Organisation { volunteerPointsPerHour } } }`,
      {
        id: world.organisations.lead.id,
      },
    );
    expect(organisation.node.volunteerPointsPerHour).toBe('20.00');
    expect(await platformRate()).toBe('20.00');
    // An organisation's own rate is not the platform's.
    const admin = await signUpAccount(server, '牵头支部管理员');
    await addMember(server, admin, world.organisations.lead, 'ADMIN');
    await ok(admin.client, VOPS.pointsRuleSet, { input: { organisationId: world.organisations.lead.id, pointsPerHour: '25' } });
    expect(await platformRate()).toBe('20.00');
  });
});

describe('volunteerPointsRuleSet', () => {
  async function fieldErrors(account: Account, input: Record<string, unknown>): Promise<[string, string][]> {
    const data = await account.client.query(VOPS.pointsRuleSet, { input });
    return data.volunteerPointsRuleSet.userErrors.map((error: { code: string; field: string[] }) => [error.code, error.field.join('.')]);
  }

  it('names the rate field for a rate out of range or with more than 2 decimals, and sets nothing', async () => {
    const admin = await signUpAccount(server, '社工机构管理员');
    await addMember(server, admin, world.organisations.social, 'ADMIN');
    const organisationId = world.organisations.social.id;
    const rules = () =>
      server.sql<{ rules: number }>(`select count(*)::int as rules from volunteer_points_rule where organisation_id = ?`, [
        world.organisations.social.uuid,
      ]);
    const before = await rules();
    for (const pointsPerHour of ['100000.01', '1.234', '-1']) {
      expect(await fieldErrors(admin, { organisationId, pointsPerHour })).toEqual([['INVALID', 'input.pointsPerHour']]);
    }
    expect(await rules()).toEqual(before);
  });

  it("refuses an organisation's rate to the ADMIN of another organisation, on the organisation field", async () => {
    // 13800000003 is an ADMIN of the lead branch, not of the social organisation.
    expect(await fieldErrors(world.people.secretary, { organisationId: world.organisations.social.id, pointsPerHour: '12' })).toEqual([
      ['FORBIDDEN', 'input.organisationId'],
    ]);
    expect(await fieldErrors(world.people.secretary, { organisationId: world.projectId, pointsPerHour: '12' })).toEqual([
      ['NOT_FOUND', 'input.organisationId'],
    ]);
  });
});

describe('Need.delivered for VOLUNTEER_HOURS', () => {
  const NEED = `query ($id: ID!) { node(id: $id) { ... on Need { quantity delivered } } }`;

  it('counts hours credited for linked activities, corrections included, and not those of unlinked ones', async () => {
    const before = (await world.people.anonymous.query(NEED, { id: world.hoursNeedId })).node.delivered as string;
    const unlinked = await ok(world.coordinator.client, VOPS.activityCreate, {
      input: {
        projectId: world.projectId,
        organisationId: world.organisations.social.id,
        title: '未关联需求的活动',
        description: '不计入志愿服务时长需求',
        place: '城东社区',
        regionId: world.regions.villageA.id,
      },
    });
    const linked = await servedShift({ day: '2026-12-12' });
    const [credit] = (await attend(linked.signUpId, { hours: '3', reason: '实际服务3小时' })).serviceHoursEntries;
    await ok(world.coordinator.client, VOPS.correct, { input: { entryId: credit.id, hours: '-0.5', reason: '更正' } });
    const other = await servedShift({ day: '2026-12-13', activityId: unlinked.volunteerActivity.id });
    await attend(other.signUpId);
    const after = (await world.people.anonymous.query(NEED, { id: world.hoursNeedId })).node.delivered as string;
    const [{ difference }] = (await server.sql<{ difference: string }>(`select (?::numeric - ?::numeric)::text as difference`, [
      after,
      before,
    ])) as [{ difference: string }];
    expect(difference).toBe('2.50');
  });
});

describe('Person.serviceHours visibility (双报到)', () => {
  it('shows the record to the person and to the admins of both party organisations they report to, and to nobody else', async () => {
    const residenceBranch = await insertOrganisation(server, {
      name: '中共城西社区支部委员会',
      kind: 'PARTY_ORGANISATION',
      region: world.regions.townshipB,
    });
    const residenceAdmin = await signUpAccount(server, '城西支部书记');
    await addMember(server, residenceAdmin, residenceBranch, 'ADMIN');
    const [member] = await insertVolunteers(server, 1);
    await server.sql(
      `update person set tags = tags || '{PARTY_MEMBER}', party_home_organisation_id = ?, party_residence_organisation_id = ? where id = ?`,
      [world.organisations.lead.uuid, residenceBranch.uuid, member!.uuid],
    );
    const { signUpId } = await servedShift({ day: '2026-12-14', volunteer: member });
    await attend(signUpId);
    const sees = async (account: { client: Account['client'] }) =>
      (await account.client.query(RECORD, { id: member!.id })).person.serviceHoursTotal;
    expect(await sees(member!)).toBe('4.00');
    expect(await sees(world.people.secretary)).toBe('4.00');
    expect(await sees(residenceAdmin)).toBe('4.00');
    // A plain member of the home branch, another volunteer, and the coordinator (who sees the hours on the roster instead).
    expect(await sees(world.people.leadMember)).toBeNull();
    expect(await sees((await insertVolunteers(server, 1))[0]!)).toBeNull();
    expect(await sees(world.coordinator)).toBeNull();
  });

  it('lists the service per activity for the certificate', async () => {
    const [volunteer] = await insertVolunteers(server, 1);
    for (const day of ['2026-12-15', '2026-12-16']) {
      const { signUpId } = await servedShift({ day, volunteer });
      await attend(signUpId);
    }
    const data = await volunteer!.client.query(
      `query ($id: ID!) { person(id: $id) { serviceRecord { totalHours totalPoints shiftCount firstDay lastDay
        lines { activity { id } organisation { id } firstDay lastDay shiftCount hours points } } } }`,
      { id: volunteer!.id },
    );
    expect(data.person.serviceRecord).toEqual({
      totalHours: '8.00',
      totalPoints: expect.any(String),
      shiftCount: 2,
      firstDay: '2026-12-15',
      lastDay: '2026-12-16',
      lines: [
        {
          activity: { id: world.activityId },
          organisation: { id: world.organisations.social.id },
          firstDay: '2026-12-15',
          lastDay: '2026-12-16',
          shiftCount: 2,
          hours: '8.00',
          points: expect.any(String),
        },
      ],
    });
  });
});
