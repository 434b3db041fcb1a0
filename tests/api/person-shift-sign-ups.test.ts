import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const QUERY = `query ($id: ID!, $filter: PersonShiftSignUpFilter) { node(id: $id) { ... on Person {
  shiftSignUps(first: 100, filter: $filter) { totalCount nodes { status shift { id endsAt } } } } } }`;

async function personId(phone: string): Promise<string> {
  const [row] = await server.sql<{ id: string }>('select id from person where phone = ?', [phone]);
  return Buffer.from(`Person:${row!.id}`).toString('base64url');
}

describe('Person.shiftSignUps', () => {
  it("lists every sign-up of the volunteer, and with upcoming only those of shifts that haven't ended", async () => {
    const volunteer = await server.signedIn('13800000006');
    const id = await personId('13800000006');
    const [counts] = await server.sql<{ all: number; upcoming: number }>(
      `select count(*)::int as all, count(*) filter (where s.ends_at > ?)::int as upcoming
         from shift_sign_up u join shift s on s.id = u.shift_id join person p on p.id = u.person_id where p.phone = ?`,
      [server.clock.now(), '13800000006'],
    );
    expect(counts!.all).toBeGreaterThan(counts!.upcoming);
    const all = await volunteer.query(QUERY, { id });
    expect(all.node.shiftSignUps.totalCount).toBe(counts!.all);
    const upcoming = await volunteer.query(QUERY, { id, filter: { upcoming: true } });
    expect(upcoming.node.shiftSignUps.totalCount).toBe(counts!.upcoming);
    for (const node of upcoming.node.shiftSignUps.nodes) {
      expect(new Date(node.shift.endsAt).getTime()).toBeGreaterThan(server.clock.now().getTime());
    }
    const completed = await volunteer.query(QUERY, { id, filter: { status: ['COMPLETED'] } });
    expect(completed.node.shiftSignUps.nodes.every((node: { status: string }) => node.status === 'COMPLETED')).toBe(true);
  });

  it('is null for someone who may not see the volunteer’s service record', async () => {
    const stranger = await server.signedIn('13800000004');
    const data = await stranger.query(QUERY, { id: await personId('13800000006') });
    expect(data.node.shiftSignUps).toBeNull();
  });
});
