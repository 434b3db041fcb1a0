import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, demoIds, expectOk, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

// exceljs is the server's dependency (not the tests'); the test reads the workbook with the same library.
const ExcelJS = createRequire(createRequire(import.meta.url).resolve('@gongzhi/server'))('exceljs');

const HEADERS = [
  '工单编号',
  '提交时间',
  '类别',
  '状态',
  '来源',
  '网格',
  '诉求内容',
  '地点',
  '联系人',
  '联系电话',
  '详细地址',
  '联系方式',
  '承办单位',
  '响应时限',
  '响应时间',
  '按时响应',
  '办结时限',
  '办结时间',
  '按时办结',
  '办理结果',
  '评价',
  '评价意见',
  '重办次数',
  '超时升级时间',
  '驳回理由',
  '关闭时间',
];

let server: TestServer;
let ids: DemoIds;
let resident: GraphQLClient;
let gridWorker: GraphQLClient;
let enterprise: GraphQLClient;
let social: GraphQLClient;
let regionAdmin: GraphQLClient;
let enterpriseName: string;
/** Tickets of 2027-03-01 (China time) in the resident's grid: rated, then rejected; one in another grid; one the next day. */
let rated: Record<string, any>;
let rejected: Record<string, any>;
let elsewhere: Record<string, any>;
let nextDay: Record<string, any>;

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  // Far from the demo's own tickets: 2027-03-01 10:00 in China (signing in afterwards, so sessions are fresh then).
  server.clock.set('2027-03-01T02:00:00.000Z');
  [resident, gridWorker, enterprise, social, regionAdmin] = await Promise.all(
    [ACCOUNTS.resident, ACCOUNTS.gridWorker, ACCOUNTS.enterprise, ACCOUNTS.socialCoordinator, ACCOUNTS.regionAdmin].map((phone) =>
      server.signedIn(phone),
    ),
  );
  enterpriseName = (await server.sql<{ name: string }>('select name from organisation where id = ?', [uuidIn(ids.enterprise)]))[0]!.name;

  const first = await submit(resident, { place: '3号楼东侧', description: '路灯不亮', contactAddress: '玉湖社区3号楼2单元501' });
  await expectOk(mutate(gridWorker, 'demandDispatch', { id: first.id, input: { organisationId: ids.enterprise } }));
  server.clock.advance(60 * 60 * 1000);
  await expectOk(mutate(enterprise, 'demandAccept', { id: first.id }));
  await expectOk(mutate(enterprise, 'demandResolve', { id: first.id, input: { note: '已更换灯泡' } }));
  rated = await expectOk(mutate(resident, 'demandRate', { id: first.id, input: { rating: 'SATISFIED', comment: '很及时' } }));

  server.clock.advance(60 * 1000);
  const second = await submit(resident, { category: 'SAFETY', description: '=HYPERLINK("x") 楼道堆物' });
  rejected = await expectOk(mutate(gridWorker, 'demandReject', { id: second.id, input: { reason: '属物业合同纠纷，请走诉讼途径' } }));
  server.clock.advance(60 * 1000);
  elsewhere = await submit(resident, { gridId: ids.otherGrid, description: '健身器材损坏' });

  server.clock.set('2027-03-02T02:00:00.000Z');
  nextDay = await submit(resident, { description: '垃圾未清运', category: 'ENVIRONMENT_SANITATION' });
});
afterAll(() => server?.stop());

async function download(query: string, client?: GraphQLClient) {
  const cookie = client?.signedInCookie;
  const response = await fetch(`${server.url}/exports/demands.xlsx${query}`, { headers: cookie ? { cookie } : {} });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** The sheet's rows as plain values (header first), read back with exceljs. */
async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const sheet = workbook.getWorksheet('群众点单工单')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row: { values: unknown[] }) => rows.push(row.values.slice(1)));
  return rows;
}

/** One row as { header: value }. */
function asRecord(row: unknown[]): Record<string, unknown> {
  return Object.fromEntries(HEADERS.map((header, index) => [header, row[index] ?? '']));
}

async function exported(query: string, client: GraphQLClient): Promise<Record<string, unknown>[]> {
  const { response, body } = await download(query, client);
  expect(response.status).toBe(200);
  const [header, ...rows] = await sheetRows(body);
  expect(header).toEqual(HEADERS);
  return rows.map(asRecord);
}

const personalViews = async (personUuid: string) =>
  Number(
    (
      await server.sql<{ count: string }>(
        `select count(*) as count from activity_entry where action = 'demand.personalDataViewed' and actor_id = ?`,
        [personUuid],
      )
    )[0]!.count,
  );

describe('GET /exports/demands.xlsx', () => {
  it('downloads the tickets of the region and period as a workbook with Chinese headers, newest first', async () => {
    const { response } = await download(`?regionId=${ids.grid}&from=2027-03-01&to=2027-03-01`, regionAdmin);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toContain(`filename="demands.xlsx"`);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('第一网格-群众点单工单.xlsx'));

    const rows = await exported(`?regionId=${ids.grid}&from=2027-03-01&to=2027-03-01`, regionAdmin);
    expect(rows.map((row) => row['工单编号'])).toEqual([rejected.id, rated.id]);
    expect(rows[1]).toMatchObject({
      提交时间: '2027-03-01 10:00',
      类别: '道路与公共设施',
      状态: '已评价',
      来源: '线上提交',
      网格: '第一网格',
      诉求内容: '路灯不亮',
      地点: '3号楼东侧',
      联系人: ids.residentName,
      联系电话: ACCOUNTS.resident,
      详细地址: '玉湖社区3号楼2单元501',
      联系方式: '电话联系',
      承办单位: enterpriseName,
      响应时限: '2027-03-02 10:00',
      响应时间: '2027-03-01 11:00',
      按时响应: '是',
      办结时间: '2027-03-01 11:00',
      按时办结: '是',
      办理结果: '已更换灯泡',
      评价: '满意',
      评价意见: '很及时',
      重办次数: 0,
    });
    // Text a spreadsheet could take for a formula stays text in a workbook.
    expect(rows[0]).toMatchObject({
      状态: '已驳回',
      诉求内容: '=HYPERLINK("x") 楼道堆物',
      驳回理由: '属物业合同纠纷，请走诉讼途径',
      承办单位: '',
    });
  });

  it('counts the whole subtree of the region, and filters by day and status', async () => {
    const community = await exported(`?regionId=${ids.community}&from=2027-03-01&to=2027-03-02`, regionAdmin);
    expect(community.map((row) => row['工单编号'])).toEqual([nextDay.id, elsewhere.id, rejected.id, rated.id]);
    const fromSecond = await exported(`?regionId=${ids.community}&from=2027-03-02`, regionAdmin);
    expect(fromSecond.map((row) => row['工单编号'])).toEqual([nextDay.id]);
    const byStatus = await exported(`?regionId=${ids.community}&from=2027-03-01&status=REJECTED,RATED`, regionAdmin);
    expect(byStatus.map((row) => row['工单编号'])).toEqual([rejected.id, rated.id]);
    const repeated = await exported(`?regionId=${ids.community}&from=2027-03-01&status=SUBMITTED&status=REJECTED`, regionAdmin);
    expect(repeated.map((row) => row['工单编号'])).toEqual([nextDay.id, elsewhere.id, rejected.id]);
  });

  it('masks personal data as the API does, row by row, for a viewer without the right to see it', async () => {
    const rows = await exported(`?regionId=${ids.grid}&from=2027-03-01&to=2027-03-01`, social);
    for (const row of rows) {
      expect(row['联系人']).toBe(`${ids.residentName[0]}${'*'.repeat(ids.residentName.length - 1)}`);
      expect(row['联系电话']).toBe('138****0009');
      expect(row['联系人']).not.toBe(ids.residentName);
    }
    expect(rows[1]!['详细地址']).toBe('玉湖社区3号****');
    // The owning organisation's coordinator sees its own ticket unmasked, and only that one.
    const forEnterprise = await exported(`?regionId=${ids.grid}&from=2027-03-01&to=2027-03-01`, enterprise);
    expect(forEnterprise.map((row) => row['联系电话'])).toEqual(['138****0009', ACCOUNTS.resident]);
  });

  it('records every unmasked row in the activity log, and nothing for masked rows or the resident’s own tickets', async () => {
    const before = await personalViews(ids.personUuids.regionAdmin);
    await exported(`?regionId=${ids.community}&from=2027-03-01&to=2027-03-02`, regionAdmin);
    expect(await personalViews(ids.personUuids.regionAdmin)).toBe(before + 4);
    const [entry] = await server.sql<{ subject_uuid: string; subject_type: string }>(
      `select subject_uuid, subject_type from activity_entry where action = 'demand.personalDataViewed' and actor_id = ?
        order by id desc limit 1`,
      [ids.personUuids.regionAdmin],
    );
    expect(entry!.subject_type).toBe('DemandTicket');

    const socialBefore = await personalViews(ids.personUuids.socialCoordinator);
    await exported(`?regionId=${ids.community}&from=2027-03-01&to=2027-03-02`, social);
    expect(await personalViews(ids.personUuids.socialCoordinator)).toBe(socialBefore);

    const residentBefore = await personalViews(ids.personUuids.resident);
    const own = await exported(`?regionId=${ids.community}&from=2027-03-01&to=2027-03-02`, resident);
    expect(own.every((row) => row['联系电话'] === ACCOUNTS.resident)).toBe(true);
    expect(await personalViews(ids.personUuids.resident)).toBe(residentBefore);
  });

  it('exports more tickets than it reads at a time, each exactly once, also when submissions share an instant', async () => {
    // 2,101 copies of a ticket on 2027-04-01, two per microsecond: the export reads in chunks with a keyset cursor.
    await server.sql(
      `insert into demand_ticket
       select (jsonb_populate_record(t, jsonb_build_object(
                 'id', gen_random_uuid(),
                 'created_at', timestamptz '2027-04-01 10:00:00+08' + (g / 2) * interval '1 microsecond'))).*
         from demand_ticket t, generate_series(1, 2101) g
        where t.id = ?`,
      [uuidIn(rated.id)],
    );
    const rows = await exported(`?regionId=${ids.grid}&from=2027-04-01&to=2027-04-01`, social);
    expect(rows).toHaveLength(2101);
    expect(new Set(rows.map((row) => row['工单编号'])).size).toBe(2101);
  });

  it('answers 401 when signed out, 400 for filters that make no sense and 404 for an unknown region', async () => {
    expect((await download(`?regionId=${ids.grid}`)).response.status).toBe(401);
    expect((await download('', regionAdmin)).response.status).toBe(400);
    expect((await download(`?regionId=${ids.grid}&status=OPEN`, regionAdmin)).response.status).toBe(400);
    expect((await download(`?regionId=${ids.grid}&from=2027-13-01`, regionAdmin)).response.status).toBe(400);
    expect((await download(`?regionId=${ids.grid}&from=2027-03-02&to=2027-03-01`, regionAdmin)).response.status).toBe(400);
    expect((await download('?regionId=garbage', regionAdmin)).response.status).toBe(404);
  });
});
