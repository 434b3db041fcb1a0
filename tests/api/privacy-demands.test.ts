import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const PASSWORD = 'privacy-demands-1';

/** A new resident of the demo grid (the one of the demo grid worker and resident). */
async function newResident(phone: string) {
  const client = server.client();
  const data = await client.query(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { viewer { person { id } } userErrors { code } } }`,
    { input: { name: '隐私测试居民', phone, password: PASSWORD } },
  );
  const personId = data.signUp.viewer.person.id as string;
  const [grid] = await server.sql<{ residence_region_id: string }>(`select residence_region_id from person where phone = '13800000009'`);
  await server.sql(`update person set residence_region_id = ?, address = '玉湖社区幸福里3栋201' where phone = ?`, [
    grid!.residence_region_id,
    phone,
  ]);
  return { client, personId };
}

describe('viewerDataExport with demands', () => {
  it("includes the demands the viewer submitted, with their contact data, and no one else's", async () => {
    const { client } = await newResident('13911110001');
    await submit(client, { description: '楼道灯坏了，晚上看不见' });
    const other = await server.signedIn('13800000009');
    await submit(other, { description: '别人的点单' });
    const data = await client.query(`mutation { viewerDataExport { json userErrors { code } } }`);
    const document = JSON.parse(data.viewerDataExport.json);
    expect(document.demands).toHaveLength(1);
    expect(document.demands[0]).toMatchObject({ description: '楼道灯坏了，晚上看不见', contactPhone: '13911110001' });
  });
});

describe('viewerDelete with demands', () => {
  it('erases the contact data copied onto the viewer’s demands and keeps the tickets', async () => {
    const { client } = await newResident('13911110002');
    const demand = await submit(client, { description: '小区门口积水' });
    const before = await server.sql<{ count: string }>(`select count(*) from demand_ticket`);
    const deleted = await client.query(
      `mutation ($password: String!) { viewerDelete(input: { password: $password }) { deleted userErrors { code } } }`,
      { password: PASSWORD },
    );
    expect(deleted.viewerDelete).toEqual({ deleted: true, userErrors: [] });
    const [ticket] = await server.sql<{
      contact_name: string;
      contact_phone: string | null;
      contact_address: string | null;
      description: string;
    }>(`select contact_name, contact_phone, contact_address, description from demand_ticket where description = '小区门口积水'`);
    expect(ticket).toEqual({ contact_name: '已注销用户', contact_phone: null, contact_address: null, description: '小区门口积水' });
    expect(await server.sql(`select count(*) from demand_ticket`)).toEqual(before);
    expect(demand.id).toBeTruthy();
  });
});
