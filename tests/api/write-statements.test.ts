import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, createNeed, createProject, OPS, succeed } from '../support/partner-api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildVolunteerWorld, createShift, insertVolunteers, type VolunteerWorld } from '../support/volunteer-world.js';

/**
 * The busiest writes spend a fixed number of SQL statements, whatever the project's size: the caller's
 * session, begin, the project with its lock and policy facts, the locks and checks their rules need,
 * the row and its activity entry, commit. Each statement is a round trip on a held connection and most
 * of a write's cost (see the writes in `pnpm bench`), so a new one should be a choice, not an accident.
 */
let server: TestServer;
let world: VolunteerWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildVolunteerWorld(server);
});
afterAll(() => server?.stop());

// The bench's selections: the write's own result, no related objects.
const PLEDGE_CREATE = `mutation ($input: PledgeCreateInput!) {
  pledgeCreate(input: $input) { pledge { id status quantity } userErrors { code field message } } }`;
const SHIFT_SIGN_UP = `mutation ($input: ShiftSignUpInput!) {
  shiftSignUp(input: $input) { signUp { id status } userErrors { code field message } } }`;
const DELIVERABLE_TRANSITION = `mutation ($id: ID!, $input: DeliverableTransitionInput!) {
  deliverableTransition(id: $id, input: $input) { deliverable { id status } userErrors { code field message } } }`;

async function statementsOf(write: () => Promise<unknown>): Promise<number> {
  server.statements.reset();
  await write();
  return server.statements.count;
}

describe('statements per write', () => {
  it('pledgeCreate: 9, however many partners and pledges the project has', async () => {
    const projectId = await createProject(world, { status: 'ACTIVE' });
    await addPartner(world, projectId, world.organisations.enterpriseA, world.people.enterpriseMember.client);
    await addPartner(world, projectId, world.organisations.enterpriseB, world.people.memberB.client);
    const needId = await createNeed(world, projectId, { quantity: '500' });
    const pledge = (quantity: string) => () =>
      succeed(world.people.enterpriseMember.client, PLEDGE_CREATE, {
        input: { needId, organisationId: world.organisations.enterpriseA.id, quantity },
      });
    await pledge('10')();
    expect(await statementsOf(pledge('20'))).toBe(9);
    for (let count = 0; count < 5; count += 1) {
      await pledge('1')();
    }
    expect(await statementsOf(pledge('30'))).toBe(9);
    // The activity entry every write appends is a statement prepared once per connection (`appendActivity`),
    // not an insert of the unit of work, which PostgreSQL would parse and plan every time.
    const appended = server.statements.log.filter((statement) => /insert into "?activity_entry/.test(statement));
    expect(appended).toHaveLength(1);
    expect(appended[0]).toContain('values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)');
    // The same statement sends the entry to the project's timeline, delivered at the commit: a live event
    // costs no transaction of its own.
    expect(appended[0]).toContain('pg_notify(notice.channel, notice.payload)');
  });

  it('shiftSignUp: 9, confirmed or waitlisted', async () => {
    const { id: shiftId } = await createShift(world, { capacity: 1 });
    const [first, second] = await insertVolunteers(server, 2);
    const statuses: string[] = [];
    const signUp = (volunteer: typeof first) => async () =>
      statuses.push((await succeed(volunteer!.client, SHIFT_SIGN_UP, { input: { shiftId } })).signUp.status);
    expect(await statementsOf(signUp(first))).toBe(9);
    expect(await statementsOf(signUp(second))).toBe(9);
    expect(statuses).toEqual(['CONFIRMED', 'WAITLISTED']);
  });

  it('deliverableTransition: 8 with owners and linked pledges', async () => {
    const projectId = await createProject(world, { status: 'ACTIVE' });
    await addPartner(world, projectId, world.organisations.enterpriseA, world.people.enterpriseMember.client);
    const needId = await createNeed(world, projectId, { quantity: '500' });
    const pledged = await succeed(world.people.enterpriseMember.client, PLEDGE_CREATE, {
      input: { needId, organisationId: world.organisations.enterpriseA.id, quantity: '100' },
    });
    await succeed(world.people.secretary.client, OPS.pledgeRespond, { id: pledged.pledge.id, input: { accept: true } });
    const created = await succeed(world.people.secretary.client, OPS.deliverableCreate, {
      input: {
        projectId,
        title: '加装电梯 3 部',
        description: '验收合格并投入使用',
        dueOn: '2026-12-31',
        ownerIds: [world.organisations.lead.id, world.organisations.enterpriseA.id],
        pledgeIds: [pledged.pledge.id],
      },
    });
    const move = (to: string) => () =>
      succeed(world.people.enterpriseMember.client, DELIVERABLE_TRANSITION, { id: created.deliverable.id, input: { to } });
    expect(await statementsOf(move('IN_PROGRESS'))).toBe(8);
    expect(await statementsOf(move('SUBMITTED'))).toBe(8);
  });
});
