import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNeed, createPledge, createProject, OPS, succeed } from '../support/partner-api.js';
import { buildPartnerWorld, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

// exceljs is the server's dependency (not the tests'); the test reads the workbook with the same library.
const ExcelJS = createRequire(createRequire(import.meta.url).resolve('@gongzhi/server'))('exceljs');

let server: TestServer;
let world: PartnerWorld;
let projectId: string;
let otherProjectId: string;

const HEADER = '项目,需求,需求类型,认捐单位,数量,单位,状态,已交付,认捐时间,答复时间,备注';

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
  projectId = await createProject(world, { title: '社区食堂助老餐', status: 'ACTIVE' });
  const funds = await createNeed(world, projectId, { quantity: '0.30' });
  const hours = await createNeed(world, projectId, { quantity: '100', kind: 'VOLUNTEER_HOURS', unit: '小时' });

  // Day 1 (2026-11-21 in China): enterprise A pledges 0.10, accepted and delivered in full.
  const fromA = await createPledge(world.people.enterpriseMember.client, funds, world.organisations.enterpriseA.id, '0.10');
  await succeed(world.people.secretary.client, OPS.pledgeRespond, { id: fromA, input: { accept: true } });
  const delivery = await succeed(world.people.enterpriseMember.client, OPS.deliveryRecord, {
    input: { pledgeId: fromA, quantity: '0.10', deliveredOn: '2026-11-21' },
  });
  await succeed(world.people.secretary.client, OPS.deliveryConfirm, { id: delivery.delivery.id });
  // Day 2: enterprise B pledges 0.20 with a note a spreadsheet would take for a formula.
  server.clock.set('2026-11-22T03:00:00.000Z');
  await succeed(world.people.memberB.client, OPS.pledgeCreate, {
    input: { needId: funds, organisationId: world.organisations.enterpriseB.id, quantity: '0.20', note: '=HYPERLINK("x"), 分两批' },
  });
  // Day 3: the social organisation pledges volunteer hours, declined.
  server.clock.set('2026-11-23T03:00:00.000Z');
  const declined = await createPledge(world.people.socialCoordinator.client, hours, world.organisations.social.id, '40');
  await succeed(world.people.secretary.client, OPS.pledgeRespond, { id: declined, input: { accept: false } });
  server.clock.set('2026-11-21T02:00:00.000Z');

  otherProjectId = await createProject(world, { title: '河道保洁' });
  const river = await createNeed(world, otherProjectId, { quantity: '5000' });
  await createPledge(world.people.enterpriseMember.client, river, world.organisations.enterpriseA.id, '1234.50');
});
afterAll(() => server?.stop());

async function download(path: string, cookie?: string) {
  const response = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

function csvLines(body: Buffer): string[] {
  return body.toString('utf8').slice(1).split('\r\n').filter(Boolean);
}

describe('GET /exports/projects/:id/pledges.csv', () => {
  it('downloads the pledge ledger with Chinese headers, a BOM for Excel, exact amounts and China times', async () => {
    const { response, body } = await download(`/exports/projects/${projectId}/pledges.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('社区食堂助老餐-认捐台账.csv')}`);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvLines(body)).toEqual([
      HEADER,
      '社区食堂助老餐,电梯加装配套资金,资金,城东建设有限公司,0.10,元,已兑现,0.10,2026-11-21 10:00,2026-11-21 10:00,',
      `社区食堂助老餐,电梯加装配套资金,资金,城西物流有限公司,0.20,元,待答复,0.00,2026-11-22 11:00,,"'=HYPERLINK(""x""), 分两批"`,
      '社区食堂助老餐,电梯加装配套资金,志愿服务时长,城东社会工作服务中心,40.00,小时,已谢绝,0.00,2026-11-23 11:00,2026-11-23 11:00,',
    ]);
  });

  it('filters by status and by pledge day', async () => {
    const byStatus = csvLines((await download(`/exports/projects/${projectId}/pledges.csv?status=PROPOSED,DECLINED`)).body);
    expect(byStatus.slice(1).map((line) => line.split(',')[6])).toEqual(['待答复', '已谢绝']);
    const byRepeatedStatus = csvLines((await download(`/exports/projects/${projectId}/pledges.csv?status=FULFILLED&status=DECLINED`)).body);
    expect(byRepeatedStatus).toHaveLength(3);
    const byDay = csvLines((await download(`/exports/projects/${projectId}/pledges.csv?from=2026-11-22&to=2026-11-22`)).body);
    expect(byDay.slice(1).map((line) => line.split(',')[3])).toEqual(['城西物流有限公司']);
    const from = csvLines((await download(`/exports/projects/${projectId}/pledges.csv?from=2026-11-22`)).body);
    expect(from).toHaveLength(3);
  });

  it('answers 400 for filters that make no sense and 404 for unknown files', async () => {
    expect((await download(`/exports/projects/${projectId}/pledges.csv?status=PAID`)).response.status).toBe(400);
    expect((await download(`/exports/projects/${projectId}/pledges.csv?from=2026-13-01`)).response.status).toBe(400);
    expect((await download(`/exports/projects/${projectId}/pledges.pdf`)).response.status).toBe(404);
    expect((await download(`/exports/projects/garbage/pledges.csv`)).response.status).toBe(404);
  });

  it('follows the read rules of the API: a draft is exported to insiders only', async () => {
    const draft = await createProject(world, { status: 'DRAFT', title: '草案项目' });
    expect((await download(`/exports/projects/${draft}/pledges.csv`)).response.status).toBe(404);
    expect(
      (await download(`/exports/projects/${draft}/pledges.csv`, world.people.enterpriseMember.client.signedInCookie)).response.status,
    ).toBe(404);
    const insider = await download(`/exports/projects/${draft}/pledges.csv`, world.people.secretary.client.signedInCookie);
    expect(insider.response.status).toBe(200);
    expect(csvLines(insider.body)).toEqual([HEADER]);
  });
});

describe('GET /exports/projects/:id/pledges.xlsx', () => {
  it('downloads a workbook with the same ledger, amounts as numbers', async () => {
    const { response, body } = await download(`/exports/projects/${projectId}/pledges.xlsx?status=FULFILLED,PROPOSED`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as never);
    const sheet = workbook.getWorksheet('认捐台账')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    expect(sheet.rowCount).toBe(3);
    const first = sheet.getRow(2);
    expect(first.getCell(4).value).toBe('城东建设有限公司');
    expect(first.getCell(5).value).toBe(0.1);
    expect(first.getCell(5).numFmt).toBe('#,##0.00');
    expect(first.getCell(7).value).toBe('已兑现');
    // A text cell is never run as a formula in a workbook: the note stays as written.
    expect(sheet.getRow(3).getCell(11).value).toBe('=HYPERLINK("x"), 分两批');
    expect(sheet.getRow(3).getCell(11).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('GET /exports/organisations/:id/pledges.csv', () => {
  it("downloads an organisation's pledges across projects", async () => {
    const { response, body } = await download(`/exports/organisations/${world.organisations.enterpriseA.id}/pledges.csv`);
    expect(response.status).toBe(200);
    const lines = csvLines(body);
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).map((line) => [line.split(',')[0], line.split(',')[4]])).toEqual([
      ['社区食堂助老餐', '0.10'],
      ['河道保洁', '1234.50'],
    ]);
    const accepted = csvLines(
      (await download(`/exports/organisations/${world.organisations.enterpriseA.id}/pledges.csv?status=PROPOSED`)).body,
    );
    expect(accepted.slice(1).map((line) => line.split(',')[0])).toEqual(['河道保洁']);
    expect((await download(`/exports/organisations/${projectId}/pledges.csv`)).response.status).toBe(404);
  });
});
