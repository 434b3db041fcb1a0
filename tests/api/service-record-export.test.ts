import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { addMember, insertOrganisation, signUpAccount, type Account } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { at, buildVolunteerWorld, createShift, insertVolunteers, ok, VOPS, type VolunteerWorld } from '../support/volunteer-world.js';

// exceljs is the server's dependency (not the tests'); the test reads the workbook with the same library.
const ExcelJS = createRequire(createRequire(import.meta.url).resolve('@gongzhi/server'))('exceljs');

let server: TestServer;
let world: VolunteerWorld;
/** A party member reporting to the world's lead branch (home) and to a branch in township B (residence). */
let member: Account;
let residenceAdmin: Account;

const HEADER = '活动,组织,日期,时长(小时),核实人,类型,说明,记录时间';

async function serve(day: string, attendance: Record<string, unknown> = {}): Promise<string> {
  const shift = await createShift(world, { day });
  const { signUp } = await ok(member.client, VOPS.signUp, { input: { shiftId: shift.id } });
  server.clock.set(at(day, '13:30'));
  const done = await ok(world.coordinator.client, VOPS.attendance, { input: { signUpId: signUp.id, outcome: 'ATTENDED', ...attendance } });
  return done.signUp.serviceHoursEntries[0].id as string;
}

beforeAll(async () => {
  server = await startTestServer({ env: { SESSION_DAYS: '365' } });
  world = await buildVolunteerWorld(server);
  const residenceBranch = await insertOrganisation(server, {
    name: '中共城西社区支部委员会',
    kind: 'PARTY_ORGANISATION',
    region: world.regions.townshipB,
  });
  residenceAdmin = await signUpAccount(server, '城西支部书记');
  await addMember(server, residenceAdmin, residenceBranch, 'ADMIN');
  [member] = (await insertVolunteers(server, 1)) as [Account];
  await server.sql(`update person set name = '李志愿', party_home_organisation_id = ?, party_residence_organisation_id = ? where id = ?`, [
    world.organisations.lead.uuid,
    residenceBranch.uuid,
    member.uuid,
  ]);
  await serve('2026-12-01');
  const second = await serve('2026-12-03', { hours: '3', reason: '=提前离开' });
  server.clock.set(at('2026-12-04', '10:00'));
  await ok(world.coordinator.client, VOPS.correct, { input: { entryId: second, hours: '-0.5', reason: '签到时间有误' } });
  server.clock.set('2026-11-21T02:00:00.000Z');
});
afterAll(() => server?.stop());

/** Downloads as a client: its session cookie or its API token. */
async function download(path: string, client?: GraphQLClient) {
  const headers: Record<string, string> = {};
  if (client?.signedInCookie) {
    headers.cookie = client.signedInCookie;
  }
  if (client?.bearer) {
    headers.authorization = `Bearer ${client.bearer}`;
  }
  const response = await fetch(`${server.url}${path}`, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

function csvLines(body: Buffer): string[] {
  return body.toString('utf8').slice(1).split('\r\n').filter(Boolean);
}

describe('GET /exports/people/:id/service-hours.csv', () => {
  it('downloads the service record with Chinese headers, a BOM for Excel, exact hours, corrections as their own rows', async () => {
    const { response, body } = await download(`/exports/people/${member.id}/service-hours.csv`, member.client);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('李志愿-志愿服务记录.csv')}`);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvLines(body)).toEqual([
      HEADER,
      '独居老人探访,城东社会工作服务中心,2026-12-01,4.00,陈晓燕,核实,,2026-12-01 13:30',
      // A reason a spreadsheet would take for a formula is written as text.
      "独居老人探访,城东社会工作服务中心,2026-12-03,3.00,陈晓燕,核实,'=提前离开,2026-12-03 13:30",
      '独居老人探访,城东社会工作服务中心,2026-12-03,-0.50,陈晓燕,更正,签到时间有误,2026-12-04 10:00',
    ]);
  });

  it.each([
    ['the home branch admin (双报到)', () => world.people.secretary.client, 200],
    ['the residence branch admin (双报到)', () => residenceAdmin.client, 200],
    ['a plain member of the home branch', () => world.people.leadMember.client, 404],
    ['the coordinator who confirmed the hours', () => world.coordinator.client, 404],
    ['someone signed out', () => world.people.anonymous, 401],
  ])('answers %s with %i', async (_who, client, status) => {
    const { response } = await download(`/exports/people/${member.id}/service-hours.csv`, client());
    expect(response.status).toBe(status);
  });

  it('answers 404 for an unknown file or an id of another type', async () => {
    expect((await download(`/exports/people/${member.id}/service-hours.pdf`, member.client)).response.status).toBe(404);
    expect((await download(`/exports/people/${world.activityId}/service-hours.csv`, member.client)).response.status).toBe(404);
  });
});

describe('GET /exports/people/:id/service-hours.xlsx', () => {
  it('writes the hours as numbers Excel can sum', async () => {
    const { response, body } = await download(`/exports/people/${member.id}/service-hours.xlsx`, world.people.secretary.client);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as never);
    const sheet = workbook.getWorksheet('志愿服务记录');
    expect(sheet.getRow(1).values.slice(1)).toEqual(HEADER.split(','));
    expect([2, 3, 4].map((row) => sheet.getRow(row).getCell(4).value)).toEqual([4, 3, -0.5]);
    expect(sheet.getRow(4).getCell(6).value).toBe('更正');
  });
});

describe('Person.serviceRecord', () => {
  it('gives the certificate its totals per activity', async () => {
    const data = await world.people.secretary.client.query(
      `query ($id: ID!) { person(id: $id) { name serviceRecord { totalHours totalPoints shiftCount firstDay lastDay issuedAt lines { hours shiftCount } } } }`,
      { id: member.id },
    );
    expect(data.person).toEqual({
      name: '李志愿',
      serviceRecord: {
        totalHours: '6.50',
        totalPoints: '65.00',
        shiftCount: 2,
        firstDay: '2026-12-01',
        lastDay: '2026-12-03',
        issuedAt: '2026-11-21T02:00:00.000Z',
        lines: [{ hours: '6.50', shiftCount: 2 }],
      },
    });
  });
});
