import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProject, mutate } from '../support/partner-api.js';
import { insertOrganisation, insertRegion, signUpAccount, addMember, uuidOfId, type Account, type Ref } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildCommitmentWorld, COPS, insertCommitment, type CommitmentWorld } from '../support/commitment-world.js';

let server: TestServer;
let world: CommitmentWorld;
const NOW = '2026-11-21T02:00:00.000Z';

beforeAll(async () => {
  server = await startTestServer({ env: { SESSION_DAYS: '365' } });
  world = await buildCommitmentWorld(server);
});
afterAll(() => server?.stop());
beforeEach(() => server.clock.set(NOW));

const STATUS = `query ($id: ID!) { commitment(id: $id) { status } }`;

async function create(account: Account, input: Record<string, unknown> = {}) {
  const payload = await mutate(account.client, COPS.create, {
    input: {
      organisationId: world.organisations.lead.id,
      title: '为独居老人每周上门一次',
      description: '支部党员结对独居老人，每周上门探访，帮助解决生活困难。',
      beneficiary: '城东社区独居老人',
      dueOn: '2026-12-10',
      ...input,
    },
  });
  return payload;
}

async function created(account: Account = world.people.secretary, input: Record<string, unknown> = {}): Promise<string> {
  const payload = await create(account, input);
  expect(payload.userErrors).toEqual([]);
  return payload.commitment.id as string;
}

async function codes(account: Account, operation: string, variables: Record<string, unknown>): Promise<string[]> {
  return (await mutate(account.client, operation, variables)).userErrors.map((error) => error.code);
}

describe('commitmentCreate', () => {
  it("publishes the branch's commitment and logs it on the linked project's timeline", async () => {
    const projectId = await createProject(world);
    const payload = await create(world.people.secretary, { projectId });
    expect(payload.commitment).toMatchObject({
      status: 'OPEN',
      visibility: 'PUBLIC',
      person: null,
      project: { id: projectId },
      viewerCanUpdate: true,
    });
    const [entry] = await server.sql<{ action: string; project_uuid: string; on_behalf_of_id: string }>(
      'select action, project_uuid, on_behalf_of_id from activity_entry where subject_uuid = ?',
      [uuidOfId(payload.commitment.id)],
    );
    expect(entry).toEqual({
      action: 'commitment.created',
      project_uuid: uuidOfId(projectId),
      on_behalf_of_id: world.organisations.lead.uuid,
    });
  });

  it('lets a party member commit personally in a branch they belong or report to (双报到)', async () => {
    const byMember = await create(world.people.leadMember, { personal: true });
    expect(byMember.commitment.person).toEqual({ id: world.people.leadMember.id });
    const byReporter = await create(world.partyMember, { personal: true });
    expect(byReporter.userErrors).toEqual([]);
    expect((await create(world.outsider, { personal: true })).userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['FORBIDDEN for a plain member publishing for the branch', () => world.people.leadMember, {}, 'FORBIDDEN'],
    [
      'INVALID for an organisation that is no Party organisation',
      () => world.people.secretary,
      () => ({ organisationId: world.organisations.collective.id }),
      'INVALID',
    ],
    [
      'ORGANISATION_NOT_VERIFIED for an unverified branch',
      () => world.people.secretary,
      () => ({ organisationId: world.organisations.pendingParty.id }),
      'ORGANISATION_NOT_VERIFIED',
    ],
    ['INVALID for a due day in the past', () => world.people.secretary, { dueOn: '2026-11-20' }, 'INVALID'],
    ['REQUIRED for an empty title', () => world.people.secretary, { title: '  ' }, 'REQUIRED'],
  ])('returns %s', async (_name, account, input, code) => {
    const extra = typeof input === 'function' ? input() : input;
    expect((await create(account(), extra)).userErrors.map((error) => error.code)).toEqual([code]);
  });
});

describe('Commitment.status', () => {
  it('is derived from the due day in China: OPEN, DUE_SOON within 7 days, OVERDUE after the due day', async () => {
    const id = await created();
    const statusAt = async (instant: string) => {
      server.clock.set(instant);
      return (await world.people.anonymous.query(STATUS, { id })).commitment.status as string;
    };
    // Due 2026-12-10; China is UTC+8, so China days start at 16:00 UTC the day before.
    expect(await statusAt('2026-12-02T15:59:59.000Z')).toBe('OPEN'); // 12-02 23:59 China: 8 days to go
    expect(await statusAt('2026-12-02T16:00:00.000Z')).toBe('DUE_SOON'); // 12-03 00:00 China: 7 days
    expect(await statusAt('2026-12-10T15:59:59.000Z')).toBe('DUE_SOON'); // the due day itself
    expect(await statusAt('2026-12-10T16:00:00.000Z')).toBe('OVERDUE'); // 12-11 00:00 China
  });

  it('is FULFILLED once fulfilled, then EVALUATED once rated; the list filters by the same rule', async () => {
    const id = await created();
    server.clock.set('2026-12-20T02:00:00.000Z');
    const list = async (status: string) =>
      (
        await world.people.anonymous.query(
          `query ($filter: CommitmentFilter) { commitments(first: 100, filter: $filter) { nodes { id } } }`,
          {
            filter: { organisationId: world.organisations.lead.id, status: [status] },
          },
        )
      ).commitments.nodes.map((node: { id: string }) => node.id);
    expect(await list('OVERDUE')).toContain(id);
    const fulfilled = await mutate(world.people.secretary.client, COPS.fulfil, {
      id,
      input: { note: '已完成全部探访', evidenceUrls: ['https://example.org/photo.jpg'] },
    });
    expect(fulfilled.commitment).toMatchObject({ status: 'FULFILLED', fulfilmentNote: '已完成全部探访', progress: { totalCount: 1 } });
    expect(await list('OVERDUE')).not.toContain(id);
    expect(await list('FULFILLED')).toContain(id);
    await mutate(world.villager.client, COPS.evaluate, { input: { commitmentId: id, score: 4 } });
    expect((await world.people.anonymous.query(STATUS, { id })).commitment.status).toBe('EVALUATED');
    expect(await list('EVALUATED')).toContain(id);
    expect(await list('FULFILLED')).not.toContain(id);
  });
});

describe('commitmentUpdate and commitmentProgressAdd', () => {
  it('keeps the due day of an overdue commitment and freezes a fulfilled one', async () => {
    const id = await created();
    await mutate(world.people.secretary.client, COPS.progress, {
      input: { commitmentId: id, note: '已走访12户', evidenceUrls: ['https://example.org/1.jpg'] },
    });
    server.clock.set('2026-12-12T02:00:00.000Z');
    expect(await codes(world.people.secretary, COPS.update, { id, input: { dueOn: '2026-12-31' } })).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await codes(world.people.secretary, COPS.update, { id, input: { title: '每周上门探访独居老人' } })).toEqual([]);
    await mutate(world.people.secretary.client, COPS.fulfil, { id });
    expect(await codes(world.people.secretary, COPS.progress, { input: { commitmentId: id, note: '补充' } })).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(await codes(world.people.secretary, COPS.fulfil, { id })).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it('is the committing side’s: the member who made a personal one, or the branch coordinators; nobody else', async () => {
    const id = await created(world.people.leadMember, { personal: true });
    expect(await codes(world.people.leadMember, COPS.progress, { input: { commitmentId: id, note: '进展' } })).toEqual([]);
    expect(await codes(world.people.leadCoordinator, COPS.progress, { input: { commitmentId: id, note: '进展' } })).toEqual([]);
    expect(await codes(world.villager, COPS.progress, { input: { commitmentId: id, note: '进展' } })).toEqual(['FORBIDDEN']);
    expect(await codes(world.otherBranchAdmin, COPS.fulfil, { id })).toEqual(['FORBIDDEN']);
  });
});

describe('commitmentUpdate', () => {
  const COMMITMENT = `query ($id: ID!) { commitment(id: $id) {
    title description beneficiary dueOn status visibility viewerCanUpdate
  } }`;

  function fieldErrors(payload: { userErrors: { code: string; field: string[] | null }[] }): [string, string][] {
    return payload.userErrors.map((error) => [error.code, (error.field ?? []).join('.')]);
  }

  it('changes the fields given, keeps the others and derives the status from the new due day', async () => {
    const id = await created(world.people.secretary, { dueOn: '2026-11-25' });
    expect((await world.people.anonymous.query(STATUS, { id })).commitment.status).toBe('DUE_SOON');
    const payload = await mutate(world.people.secretary.client, COPS.update, {
      id,
      input: { beneficiary: ' 城东社区独居和空巢老人 ', dueOn: '2027-01-15', visibility: 'INTERNAL' },
    });
    expect(payload.userErrors).toEqual([]);
    expect((await world.people.secretary.client.query(COMMITMENT, { id })).commitment).toEqual({
      title: '为独居老人每周上门一次',
      description: '支部党员结对独居老人，每周上门探访，帮助解决生活困难。',
      beneficiary: '城东社区独居和空巢老人',
      dueOn: '2027-01-15',
      status: 'OPEN',
      visibility: 'INTERNAL',
      viewerCanUpdate: true,
    });
  });

  it('puts each problem on its field, all in one answer, and changes nothing', async () => {
    const id = await created();
    const payload = await mutate(world.people.secretary.client, COPS.update, {
      id,
      input: { title: ' ', beneficiary: 'x'.repeat(201), dueOn: '2026-11-20' },
    });
    expect(fieldErrors(payload)).toEqual([
      ['REQUIRED', 'input.title'],
      ['TOO_LONG', 'input.beneficiary'],
      ['INVALID', 'input.dueOn'],
    ]);
    expect((await world.people.secretary.client.query(COMMITMENT, { id })).commitment).toMatchObject({
      title: '为独居老人每周上门一次',
      dueOn: '2026-12-10',
    });
  });

  it("is the committing side's: refused to a plain member of the branch, another branch and a resident, who are offered no edit", async () => {
    const id = await created();
    for (const account of [world.people.leadMember, world.otherBranchAdmin, world.villager]) {
      expect(await codes(account, COPS.update, { id, input: { title: '改为每月一次' } })).toEqual(['FORBIDDEN']);
      expect((await account.client.query(COMMITMENT, { id })).commitment.viewerCanUpdate).toBe(false);
    }
    expect(await codes(world.people.leadCoordinator, COPS.update, { id, input: { title: '为独居老人每周上门两次' } })).toEqual([]);
  });

  it('freezes a fulfilled commitment: INVALID_STATE_TRANSITION, and no edit offered', async () => {
    const id = await created();
    await mutate(world.people.secretary.client, COPS.fulfil, { id });
    expect(await codes(world.people.secretary, COPS.update, { id, input: { title: '改' } })).toEqual(['INVALID_STATE_TRANSITION']);
    expect((await world.people.secretary.client.query(COMMITMENT, { id })).commitment.viewerCanUpdate).toBe(false);
  });
});

describe('commitmentEvaluate', () => {
  let fulfilledId: string;
  beforeAll(async () => {
    fulfilledId = await created();
    await mutate(world.people.secretary.client, COPS.fulfil, { id: fulfilledId });
  });

  it('lets a resident of the region rate once, with a score from 1 to 5', async () => {
    const input = { commitmentId: fulfilledId, score: 5, comment: '老人们很满意' };
    expect(await codes(world.villager, COPS.evaluate, { input: { ...input, score: 6 } })).toEqual(['INVALID']);
    const rated = await mutate(world.villager.client, COPS.evaluate, { input });
    expect(rated.commitmentEvaluation).toMatchObject({
      score: 5,
      commitment: { status: 'EVALUATED', evaluationCount: 1, averageScore: '5.00' },
    });
    expect(await codes(world.villager, COPS.evaluate, { input })).toEqual(['ALREADY_EXISTS']);
  });

  it('lets a council member rate even when living elsewhere', async () => {
    expect(await codes(world.councilMember, COPS.evaluate, { input: { commitmentId: fulfilledId, score: 3 } })).toEqual([]);
  });

  it('refuses only open commitments with COMMITMENT_NOT_FULFILLED', async () => {
    const open = await created();
    expect(await codes(world.villager, COPS.evaluate, { input: { commitmentId: open, score: 4 } })).toEqual(['COMMITMENT_NOT_FULFILLED']);
  });
});

describe('INTERNAL commitments', () => {
  it('are seen by the branch and the party committee above it, not by residents nor other branches', async () => {
    const id = await created(world.people.secretary, { visibility: 'INTERNAL' });
    const query = `query ($id: ID!) { commitment(id: $id) { id } node(id: $id) { id }
      commitments(first: 100, filter: { organisationId: "${world.organisations.lead.id}" }) { nodes { id } } }`;
    const sees = async (account: { client: Account['client'] }) => {
      const data = await account.client.query(query, { id });
      const listed = data.commitments.nodes.some((node: { id: string }) => node.id === id);
      expect([!!data.commitment, !!data.node]).toEqual([listed, listed]);
      return listed;
    };
    expect(await sees(world.people.leadMember)).toBe(true);
    expect(await sees(world.committeeMember)).toBe(true);
    expect(await sees(world.villager)).toBe(false);
    expect(await sees(world.otherBranchAdmin)).toBe(false);
    expect(await sees({ client: world.people.anonymous })).toBe(false);
  });

  it('stay off the public project timeline', async () => {
    const projectId = await createProject(world);
    const id = await created(world.people.secretary, { visibility: 'INTERNAL', projectId });
    const [entry] = await server.sql<{ project_uuid: string | null }>('select project_uuid from activity_entry where subject_uuid = ?', [
      uuidOfId(id),
    ]);
    expect(entry!.project_uuid).toBeNull();
  });
});

describe('commitmentDashboard', () => {
  let committee: Ref;
  let branchOne: Ref;
  let branchTwo: Ref;
  let committeeMember: Account;
  let branchMember: Account;

  const DASHBOARD = `query ($id: ID!) { commitmentDashboard(organisationId: $id) {
    asOf
    totals { total open dueSoon overdue fulfilled fulfilledOnTime evaluated onTimeRate evaluationCount averageScore }
    branches { organisation { id } total open dueSoon overdue fulfilled fulfilledOnTime evaluated onTimeRate evaluationCount averageScore }
  } }`;

  beforeAll(async () => {
    // A township of its own: a committee over two village branches, figures built from given dates.
    const township = await insertRegion(server, '统计街道', 'TOWNSHIP', world.regions.district);
    const one = await insertRegion(server, '统计一村', 'VILLAGE', township);
    const two = await insertRegion(server, '统计二村', 'VILLAGE', township);
    committee = await insertOrganisation(server, { name: '中共统计街道委员会', kind: 'PARTY_ORGANISATION', region: township });
    await server.sql(`update organisation set subtype = 'PARTY_COMMITTEE' where id = ?`, [committee.uuid]);
    branchOne = await insertOrganisation(server, { name: '中共统计一村支部委员会', kind: 'PARTY_ORGANISATION', region: one });
    branchTwo = await insertOrganisation(server, { name: '中共统计二村支部委员会', kind: 'PARTY_ORGANISATION', region: two });
    committeeMember = await signUpAccount(server, '统计街道党委委员');
    branchMember = await signUpAccount(server, '统计一村党员');
    await addMember(server, committeeMember, committee, 'MEMBER');
    await addMember(server, branchMember, branchOne, 'MEMBER');
    // Today is 2026-11-21 in China.
    await insertCommitment(server, { organisation: branchOne, dueOn: '2026-11-10', fulfilledAt: '2026-11-09T02:00:00Z', scores: [5, 4] }); // on time, rated
    await insertCommitment(server, { organisation: branchOne, dueOn: '2026-11-10', fulfilledAt: '2026-11-12T02:00:00Z', scores: [3] }); // late, rated
    await insertCommitment(server, { organisation: branchOne, dueOn: '2026-11-15' }); // overdue
    await insertCommitment(server, { organisation: branchOne, dueOn: '2026-11-25', visibility: 'INTERNAL' }); // due soon
    await insertCommitment(server, { organisation: branchOne, dueOn: '2026-12-31' }); // open
    await insertCommitment(server, { organisation: branchTwo, dueOn: '2026-11-20', fulfilledAt: '2026-11-20T15:30:00Z' }); // 23:30 China: on time
    await insertCommitment(server, { organisation: branchTwo, dueOn: '2026-11-20', fulfilledAt: '2026-11-20T16:30:00Z' }); // 00:30 next day: late
  });

  const none = {
    total: 0,
    open: 0,
    dueSoon: 0,
    overdue: 0,
    fulfilled: 0,
    fulfilledOnTime: 0,
    evaluated: 0,
    onTimeRate: null,
    evaluationCount: 0,
    averageScore: null,
  };
  const one = () => ({
    organisation: { id: branchOne.id },
    total: 5,
    open: 1,
    dueSoon: 1,
    overdue: 1,
    fulfilled: 2,
    fulfilledOnTime: 1,
    evaluated: 2,
    onTimeRate: '0.3333',
    evaluationCount: 3,
    averageScore: '4.00',
  });

  it("sums a committee's branches in its region subtree, the committee first", async () => {
    const data = await committeeMember.client.query(DASHBOARD, { id: committee.id });
    expect(data.commitmentDashboard.asOf).toBe('2026-11-21');
    expect(data.commitmentDashboard.totals).toEqual({
      total: 7,
      open: 1,
      dueSoon: 1,
      overdue: 1,
      fulfilled: 4,
      fulfilledOnTime: 2,
      evaluated: 2,
      onTimeRate: '0.4000',
      evaluationCount: 3,
      averageScore: '4.00',
    });
    const branches = data.commitmentDashboard.branches;
    expect(branches[0]).toEqual({ organisation: { id: committee.id }, ...none });
    expect(branches.slice(1)).toEqual(
      expect.arrayContaining([
        one(),
        { organisation: { id: branchTwo.id }, ...none, total: 2, fulfilled: 2, fulfilledOnTime: 1, onTimeRate: '0.5000' },
      ]),
    );
    expect(branches).toHaveLength(3);
  });

  it('shows a branch its own figures only, and nothing to outsiders', async () => {
    const data = await branchMember.client.query(DASHBOARD, { id: branchOne.id });
    expect(data.commitmentDashboard.branches).toEqual([one()]);
    expect((await world.villager.client.query(DASHBOARD, { id: branchOne.id })).commitmentDashboard).toBeNull();
    expect((await committeeMember.client.query(DASHBOARD, { id: branchOne.id })).commitmentDashboard.branches).toHaveLength(1);
    expect((await world.people.anonymous.query(DASHBOARD, { id: committee.id })).commitmentDashboard).toBeNull();
  });

  it('moves with the injected time', async () => {
    server.clock.set('2026-12-31T16:00:00.000Z'); // 2027-01-01 in China: everything open is now overdue
    const data = await committeeMember.client.query(DASHBOARD, { id: committee.id });
    expect(data.commitmentDashboard.totals).toMatchObject({ open: 0, dueSoon: 0, overdue: 3, onTimeRate: '0.2857' });
  });
});
