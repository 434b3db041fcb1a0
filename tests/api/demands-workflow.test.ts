import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, DAY, demoIds, expectOk, HOUR, insertProjectNeed, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let ids: DemoIds;
let resident: GraphQLClient;
let gridWorker: GraphQLClient;
let enterprise: GraphQLClient;
let social: GraphQLClient;
let regionAdmin: GraphQLClient;
let officer: GraphQLClient;

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  [resident, gridWorker, enterprise, social, regionAdmin, officer] = await Promise.all(
    [ACCOUNTS.resident, ACCOUNTS.gridWorker, ACCOUNTS.enterprise, ACCOUNTS.socialCoordinator, ACCOUNTS.regionAdmin, ACCOUNTS.officer].map(
      (phone) => server.signedIn(phone),
    ),
  );
});
afterAll(() => server?.stop());

const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((error) => error.code);

/** A ticket of the resident's grid, dispatched to the enterprise by the grid worker. */
async function dispatched(): Promise<Record<string, any>> {
  const ticket = await submit(resident, {});
  return expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
}

async function accepted(): Promise<Record<string, any>> {
  return expectOk(mutate(enterprise, 'demandAccept', { id: (await dispatched()).id }));
}

async function resolved(): Promise<Record<string, any>> {
  const ticket = await accepted();
  return expectOk(
    mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '已更换灯泡', evidenceUrls: ['https://img.example.cn/1.jpg'] } }),
  );
}

describe('demandSubmit', () => {
  it('submits a demand for the resident with their contact data, grid and the category’s deadlines', async () => {
    const now = server.clock.now().getTime();
    const ticket = await submit(resident, { place: '3号楼东侧', contactPreference: 'SMS' });
    expect(ticket).toMatchObject({
      status: 'SUBMITTED',
      round: 1,
      channel: 'ONLINE',
      contactName: ids.residentName,
      contactPhone: ACCOUNTS.resident,
      contactPreference: 'SMS',
      grid: { id: ids.grid },
      overdue: false,
      events: [{ action: 'SUBMITTED', status: 'SUBMITTED', round: 1 }],
    });
    expect(new Date(ticket.responseDueAt).getTime()).toBe(now + 24 * HOUR);
    expect(new Date(ticket.resolutionDueAt).getTime()).toBe(now + 7 * DAY);
    expect(ticket.dueAt).toBe(ticket.responseDueAt);
  });

  it('lets the grid worker record a demand for a resident who called', async () => {
    const ticket = await submit(gridWorker, { residentId: toGlobalId('Person', ids.personUuids.resident), channel: 'PHONE' });
    expect(ticket).toMatchObject({ channel: 'PHONE', contactName: ids.residentName, grid: { id: ids.grid } });
  });

  it('refuses a demand for another resident from someone who is not their grid worker (FORBIDDEN)', async () => {
    const payload = await mutate(enterprise, 'demandSubmit', {
      input: {
        category: 'SAFETY',
        description: '楼道堆放杂物',
        residentId: toGlobalId('Person', ids.personUuids.resident),
        channel: 'PHONE',
      },
    });
    expect(codes(payload)).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['an empty description', { description: '  ' }, 'REQUIRED', ['input', 'description']],
    ['a region that is not a grid', { gridId: 'community' }, 'INVALID', ['input', 'gridId']],
    ['an unknown grid', { gridId: toGlobalId('Region', '00000000-0000-7000-8000-000000000000') }, 'NOT_FOUND', ['input', 'gridId']],
    ['a channel other than ONLINE for oneself', { channel: 'PHONE' }, 'INVALID', ['input', 'channel']],
    ['a phone that is not a phone number', { contactPhone: '12345' }, 'INVALID', ['input', 'contactPhone']],
    ['a javascript: evidence link', { evidenceUrls: ['javascript:alert(1)'] }, 'INVALID', ['input', 'evidenceUrls', '0']],
    ['a description over 2000 characters', { description: '长'.repeat(2001) }, 'TOO_LONG', ['input', 'description']],
  ])('answers %s with %s', async (_case, input: Record<string, unknown>, code, field) => {
    const resolvedInput = {
      category: 'OTHER',
      description: '需要帮助',
      ...input,
      ...(input.gridId === 'community' ? { gridId: ids.community } : {}),
    };
    const payload = await mutate(resident, 'demandSubmit', { input: resolvedInput });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(payload.demand).toBeNull();
  });

  it('requires the channel, and refuses ONLINE, when a grid worker records a demand for a resident', async () => {
    const residentId = toGlobalId('Person', ids.personUuids.resident);
    const missing = await mutate(gridWorker, 'demandSubmit', { input: { category: 'OTHER', description: '求助', residentId } });
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'channel'] })]);
    const online = await mutate(gridWorker, 'demandSubmit', {
      input: { category: 'OTHER', description: '求助', residentId, channel: 'ONLINE' },
    });
    expect(online.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'channel'] })]);
  });

  it('requires a signed-in caller', async () => {
    const response = await server
      .client()
      .request('mutation ($input: DemandSubmitInput!) { demandSubmit(input: $input) { demand { id } } }', {
        input: { category: 'OTHER', description: '求助' },
      });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the full workflow (点单—派单—接单—评单)', () => {
  it('goes submit → dispatch → accept → action → resolve → rate, with one timeline event and one activity entry per step', async () => {
    const ticket = await submit(resident, {});
    const afterDispatch = await expectOk(
      mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise, note: '请物业尽快处理' } }),
    );
    expect(afterDispatch).toMatchObject({ status: 'DISPATCHED', assignedOrganisation: { id: ids.enterprise }, ownerOrganisation: null });
    const afterAccept = await expectOk(mutate(enterprise, 'demandAccept', { id: ticket.id }));
    expect(afterAccept).toMatchObject({ status: 'ACCEPTED', ownerOrganisation: { id: ids.enterprise } });
    expect(afterAccept.respondedAt).toBe(server.clock.now().toISOString());
    expect(afterAccept.dueAt).toBe(afterAccept.resolutionDueAt);
    await expectOk(mutate(enterprise, 'demandAddAction', { id: ticket.id, input: { note: '已联系电工，明天上门' } }));
    const afterResolve = await expectOk(
      mutate(enterprise, 'demandResolve', {
        id: ticket.id,
        input: { note: '已更换灯泡', evidenceUrls: ['https://img.example.cn/after.jpg'] },
      }),
    );
    expect(afterResolve).toMatchObject({ status: 'RESOLVED', resolutionNote: '已更换灯泡', dueAt: null });
    expect(new Date(afterResolve.ratingDueAt).getTime()).toBe(server.clock.now().getTime() + 7 * DAY);
    const afterRate = await expectOk(mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED', comment: '很及时' } }));
    expect(afterRate).toMatchObject({ status: 'RATED', rating: 'SATISFIED', ratingComment: '很及时', reopenedCount: 0 });
    expect(afterRate.closedAt).not.toBeNull();
    expect(afterRate.events.map((event: { action: string }) => event.action)).toEqual([
      'SUBMITTED',
      'DISPATCHED',
      'ACCEPTED',
      'ACTION_RECORDED',
      'RESOLVED',
      'RATED',
    ]);
    expect(afterRate.events[2].organisation).toEqual({ id: ids.enterprise });
    const activity = await server.sql<{ action: string }>(
      `select action from activity_entry where subject_uuid = ? and action <> 'demand.personalDataViewed' order by id`,
      [uuidIn(ticket.id)],
    );
    expect(activity.map((row) => row.action)).toEqual([
      'demand.submitted',
      'demand.dispatched',
      'demand.accepted',
      'demand.actionRecorded',
      'demand.resolved',
      'demand.rated',
    ]);
  });

  it('keeps the timeline append-only in the database', async () => {
    const ticket = await submit(resident, {});
    await expect(server.sql(`update demand_event set note = 'rewritten' where ticket_id = ?`, [uuidIn(ticket.id)])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('demandDispatch', () => {
  it('lets a region admin above the grid dispatch', async () => {
    const ticket = await submit(resident, {});
    const payload = await mutate(regionAdmin, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.socialOrganisation } });
    expect(payload.demand).toMatchObject({ status: 'DISPATCHED', assignedOrganisation: { id: ids.socialOrganisation } });
  });

  it.each([
    ['the resident', () => resident],
    ['a member of an organisation', () => officer],
  ])('refuses %s (FORBIDDEN)', async (_who, client) => {
    const ticket = await submit(resident, {});
    const payload = await mutate(client(), 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } });
    expect(codes(payload)).toEqual(['FORBIDDEN']);
  });

  it('refuses a grid worker of another grid (FORBIDDEN)', async () => {
    const ticket = await submit(resident, { gridId: ids.otherGrid });
    const payload = await mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } });
    expect(codes(payload)).toEqual(['FORBIDDEN']);
  });

  it('sends tickets only to verified organisations (ORGANISATION_NOT_VERIFIED)', async () => {
    const ticket = await submit(resident, {});
    const payload = await mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.unverified } });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'ORGANISATION_NOT_VERIFIED', field: ['input', 'organisationId'] }),
    ]);
  });

  it('answers NOT_FOUND for an unknown organisation or ticket', async () => {
    const ticket = await submit(resident, {});
    const unknownOrganisation = await mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.grid } });
    expect(unknownOrganisation.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'organisationId'] })]);
    const unknownTicket = await mutate(gridWorker, 'demandDispatch', { id: ids.grid, input: { organisationId: ids.enterprise } });
    expect(unknownTicket.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['id'] })]);
  });

  it('refuses to dispatch again to the organisation that already has it (INVALID)', async () => {
    const ticket = await dispatched();
    const payload = await mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'organisationId'] })]);
  });

  it('refuses a closed ticket (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandReject', { id: ticket.id, input: { reason: '不属于社区职责范围' } }));
    const payload = await mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } });
    expect(codes(payload)).toEqual(['INVALID_STATE_TRANSITION']);
  });
});

describe('demandAccept', () => {
  it('refuses a ticket that was not dispatched (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await submit(resident, {});
    expect(codes(await mutate(enterprise, 'demandAccept', { id: ticket.id }))).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it.each([
    ['a coordinator of another organisation', () => social],
    ['the grid worker who dispatched it', () => gridWorker],
    ['the resident', () => resident],
  ])('refuses %s (FORBIDDEN)', async (_who, client) => {
    const ticket = await dispatched();
    expect(codes(await mutate(client(), 'demandAccept', { id: ticket.id }))).toEqual(['FORBIDDEN']);
  });

  it('refuses a plain MEMBER of the organisation (FORBIDDEN): accepting is for ADMINs and COORDINATORs', async () => {
    const ticket = await dispatched();
    await server.sql(`update membership set role = 'MEMBER' where person_id = ?`, [ids.personUuids.enterprise]);
    try {
      expect(codes(await mutate(enterprise, 'demandAccept', { id: ticket.id }))).toEqual(['FORBIDDEN']);
    } finally {
      await server.sql(`update membership set role = 'COORDINATOR' where person_id = ?`, [ids.personUuids.enterprise]);
    }
  });
});

describe('demandDecline', () => {
  it('requires a reason (REQUIRED)', async () => {
    const ticket = await dispatched();
    const payload = await mutate(enterprise, 'demandDecline', { id: ticket.id, input: { reason: '' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'reason'] })]);
  });

  it('refuses a ticket already accepted (INVALID_STATE_TRANSITION): no bouncing', async () => {
    const ticket = await accepted();
    expect(codes(await mutate(enterprise, 'demandDecline', { id: ticket.id, input: { reason: '人手不足' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('demandAddAction and demandResolve', () => {
  it('refuse a ticket not yet accepted (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await dispatched();
    expect(codes(await mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '已处理' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(codes(await mutate(enterprise, 'demandAddAction', { id: ticket.id, input: { note: '已联系' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('require a note (REQUIRED)', async () => {
    const ticket = await accepted();
    const payload = await mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: ' ' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'note'] })]);
  });

  it('refuse a resolved ticket (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await resolved();
    expect(codes(await mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '再次处理' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('demandRate', () => {
  it('is for the resident only (FORBIDDEN)', async () => {
    const ticket = await resolved();
    expect(codes(await mutate(gridWorker, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await mutate(enterprise, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } }))).toEqual(['FORBIDDEN']);
  });

  it('refuses a ticket that is not resolved (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await accepted();
    expect(codes(await mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('requires a comment when unsatisfied (REQUIRED)', async () => {
    const ticket = await resolved();
    const payload = await mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'UNSATISFIED' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'comment'] })]);
  });

  it('accepts one rating per round (INVALID_STATE_TRANSITION for a second)', async () => {
    const ticket = await resolved();
    await expectOk(mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'PARTLY' } }));
    expect(codes(await mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('reopens an unsatisfied ticket once for a second round, and closes it at the second UNSATISFIED', async () => {
    const ticket = await resolved();
    server.clock.advance(2 * HOUR);
    const reopened = await expectOk(
      mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'UNSATISFIED', comment: '灯还是不亮' } }),
    );
    expect(reopened).toMatchObject({
      status: 'ACCEPTED',
      round: 2,
      reopenedCount: 1,
      resolvedAt: null,
      rating: 'UNSATISFIED',
      ownerOrganisation: { id: ids.enterprise },
    });
    expect(new Date(reopened.resolutionDueAt).getTime()).toBe(server.clock.now().getTime() + 7 * DAY);
    expect(reopened.dueAt).toBe(reopened.resolutionDueAt);
    expect(reopened.events.at(-1)).toMatchObject({ action: 'REOPENED', round: 2, rating: 'UNSATISFIED', note: '灯还是不亮' });
    await expectOk(mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '更换了线路' } }));
    const closed = await expectOk(
      mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'UNSATISFIED', comment: '仍然不满意' } }),
    );
    expect(closed).toMatchObject({ status: 'RATED', round: 2, reopenedCount: 1, rating: 'UNSATISFIED' });
  });
});

describe('demandReject', () => {
  it('closes the ticket with a reason the resident reads', async () => {
    const ticket = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandReject', { id: ticket.id, input: { reason: '属于市政道路，请拨打12345' } }));
    const data = await resident.query('query ($id: ID!) { demand(id: $id) { status rejectionReason closedAt dueAt } }', { id: ticket.id });
    expect(data.demand).toMatchObject({ status: 'REJECTED', rejectionReason: '属于市政道路，请拨打12345', dueAt: null });
  });

  it('requires a reason (REQUIRED) and a dispatcher (FORBIDDEN)', async () => {
    const ticket = await submit(resident, {});
    expect(codes(await mutate(gridWorker, 'demandReject', { id: ticket.id, input: { reason: '' } }))).toEqual(['REQUIRED']);
    expect(codes(await mutate(resident, 'demandReject', { id: ticket.id, input: { reason: '不需要了' } }))).toEqual(['FORBIDDEN']);
  });

  it('refuses an accepted ticket (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await accepted();
    expect(codes(await mutate(gridWorker, 'demandReject', { id: ticket.id, input: { reason: '重复' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('demandMerge', () => {
  it('closes a duplicate into an open ticket, whose timeline shows it', async () => {
    const original = await submit(resident, {});
    const duplicate = await submit(gridWorker, { residentId: toGlobalId('Person', ids.personUuids.resident), channel: 'IN_PERSON' });
    const merged = await expectOk(
      mutate(gridWorker, 'demandMerge', { id: duplicate.id, input: { intoId: original.id, note: '同一路灯' } }),
    );
    expect(merged).toMatchObject({ status: 'MERGED', mergedInto: { id: original.id }, dueAt: null });
    const data = await resident.query('query ($id: ID!) { demand(id: $id) { events { action note } } }', { id: original.id });
    expect(data.demand.events.at(-1)).toEqual({ action: 'DUPLICATE_MERGED', note: '同一路灯' });
  });

  it('refuses merging into itself or into a closed ticket (INVALID), and an unknown ticket (NOT_FOUND)', async () => {
    const ticket = await submit(resident, {});
    const closed = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandReject', { id: closed.id, input: { reason: '重复提交' } }));
    const self = await mutate(gridWorker, 'demandMerge', { id: ticket.id, input: { intoId: ticket.id } });
    expect(self.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'intoId'] })]);
    const intoClosed = await mutate(gridWorker, 'demandMerge', { id: ticket.id, input: { intoId: closed.id } });
    expect(intoClosed.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'intoId'] })]);
    const unknown = await mutate(gridWorker, 'demandMerge', { id: ticket.id, input: { intoId: ids.grid } });
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'intoId'] })]);
  });

  it('refuses an accepted ticket (INVALID_STATE_TRANSITION)', async () => {
    const ticket = await accepted();
    const other = await submit(resident, {});
    expect(codes(await mutate(gridWorker, 'demandMerge', { id: ticket.id, input: { intoId: other.id } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('demandToNeed', () => {
  it('turns the ticket into an open need of an active project serving the grid', async () => {
    const { needUuid } = await insertProjectNeed(server, { regionUuid: uuidIn(ids.community) });
    const ticket = await submit(resident, { category: 'ELDERLY_CARE', description: '独居老人需要安装扶手' });
    const converted = await expectOk(
      mutate(gridWorker, 'demandToNeed', { id: ticket.id, input: { needId: toGlobalId('Need', needUuid), note: '纳入适老化改造项目' } }),
    );
    expect(converted).toMatchObject({ status: 'CONVERTED_TO_NEED', dueAt: null });
    const data = await resident.query('query ($id: ID!) { demand(id: $id) { convertedNeed { id } } }', { id: ticket.id });
    expect(data.demand.convertedNeed).toEqual({ id: toGlobalId('Need', needUuid) });
  });

  it.each([
    ['a closed need', { closed: true }, 'INVALID'],
    ['a need of a completed project', { status: 'COMPLETED' }, 'INVALID'],
    ['a need of a project elsewhere', { elsewhere: true }, 'INVALID'],
  ])('refuses %s', async (_case, options: { closed?: boolean; status?: string; elsewhere?: boolean }, code) => {
    const regionUuid = options.elsewhere ? uuidIn(ids.otherGrid) : uuidIn(ids.district);
    const { needUuid } = await insertProjectNeed(server, { regionUuid, closed: options.closed, status: options.status });
    const ticket = await submit(resident, {});
    const payload = await mutate(gridWorker, 'demandToNeed', { id: ticket.id, input: { needId: toGlobalId('Need', needUuid) } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field: ['input', 'needId'] })]);
  });

  it('answers NOT_FOUND for an unknown need', async () => {
    const ticket = await submit(resident, {});
    const payload = await mutate(gridWorker, 'demandToNeed', { id: ticket.id, input: { needId: ids.grid } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'needId'] })]);
  });
});

describe('refused transitions', () => {
  it.each([
    ['demandDispatch', () => gridWorker, { input: { organisationId: 'socialOrganisation' } }],
    ['demandAccept', () => enterprise, {}],
    ['demandDecline', () => enterprise, { input: { reason: '无法处理' } }],
    ['demandAddAction', () => enterprise, { input: { note: '补充记录' } }],
    ['demandResolve', () => enterprise, { input: { note: '再次办结' } }],
    ['demandRate', () => resident, { input: { rating: 'SATISFIED' } }],
    ['demandMerge', () => gridWorker, { input: { intoId: 'open' } }],
    ['demandReject', () => gridWorker, { input: { reason: '重复' } }],
    ['demandToNeed', () => gridWorker, { input: { needId: 'need' } }],
  ] as const)('refuses %s on a closed (rated) ticket with INVALID_STATE_TRANSITION', async (name, client, variables) => {
    const ticket = await resolved();
    await expectOk(mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } }));
    const open = await submit(resident, {});
    const { needUuid } = await insertProjectNeed(server, { regionUuid: uuidIn(ids.district) });
    const input = 'input' in variables ? { ...variables.input } : undefined;
    const replacements: Record<string, string> = {
      socialOrganisation: ids.socialOrganisation,
      open: open.id,
      need: toGlobalId('Need', needUuid),
    };
    if (input) {
      for (const [key, value] of Object.entries(input)) {
        (input as Record<string, unknown>)[key] = replacements[value as string] ?? value;
      }
    }
    const payload = await mutate(client(), name, { id: ticket.id, ...(input ? { input } : {}) });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE_TRANSITION', message: expect.stringMatching(/RATED/) }),
    ]);
    expect(payload.demand).toBeNull();
  });

  it('refuses to turn an accepted ticket into a need (INVALID_STATE_TRANSITION), and a resident to do it at all (FORBIDDEN)', async () => {
    const { needUuid } = await insertProjectNeed(server, { regionUuid: uuidIn(ids.district) });
    const needId = toGlobalId('Need', needUuid);
    const ticket = await accepted();
    expect(codes(await mutate(gridWorker, 'demandToNeed', { id: ticket.id, input: { needId } }))).toEqual(['INVALID_STATE_TRANSITION']);
    const fresh = await submit(resident, {});
    expect(codes(await mutate(resident, 'demandToNeed', { id: fresh.id, input: { needId } }))).toEqual(['FORBIDDEN']);
  });
});
