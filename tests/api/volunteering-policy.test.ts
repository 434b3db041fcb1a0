import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { mutate } from '../support/partner-api.js';
import { addMember, signUpAccount, type Account } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { at, buildVolunteerWorld, createShift, insertVolunteers, ok, VOPS, type VolunteerWorld } from '../support/volunteer-world.js';
import { buildCommitmentWorld, COPS, type CommitmentWorld } from '../support/commitment-world.js';

let server: TestServer;
let world: VolunteerWorld;
let roles: Record<Role, GraphQLClient>;

const ROLES = ['organiserAdmin', 'organiserCoordinator', 'organiserMember', 'projectLeadCoordinator', 'volunteerOnShift'] as const;
type Role = (typeof ROLES)[number];
/** Only ADMINs and COORDINATORs of the organising organisation run the activity. */
const ALLOWED: readonly Role[] = ['organiserAdmin', 'organiserCoordinator'];

beforeAll(async () => {
  server = await startTestServer({ env: { SESSION_DAYS: '365' } });
  world = await buildVolunteerWorld(server);
  const admin = await signUpAccount(server, '社工机构负责人');
  const member = await signUpAccount(server, '社工机构社工');
  await addMember(server, admin, world.organisations.social, 'ADMIN');
  await addMember(server, member, world.organisations.social, 'MEMBER');
  roles = {
    organiserAdmin: admin.client,
    organiserCoordinator: world.coordinator.client,
    organiserMember: member.client,
    projectLeadCoordinator: world.people.leadCoordinator.client,
    volunteerOnShift: undefined as unknown as GraphQLClient, // one per case, signed up to the same shift
  };
});
afterAll(() => server?.stop());

let days = 0;

/** A shift with the subject volunteer and another volunteer signed up, the clock half an hour into it. */
async function runningShift() {
  days += 1;
  server.clock.set('2026-11-21T02:00:00.000Z');
  const day = new Date(Date.UTC(2027, 0, days)).toISOString().slice(0, 10);
  const shift = await createShift(world, { day });
  const [subject, other] = (await insertVolunteers(server, 2)) as [Account, Account];
  const { signUp } = await ok(subject.client, VOPS.signUp, { input: { shiftId: shift.id } });
  await ok(other.client, VOPS.signUp, { input: { shiftId: shift.id } });
  server.clock.set(at(day, '09:30'));
  return { shiftId: shift.id, signUpId: signUp.id as string, subject, other, day };
}

type Outcome = 'allowed' | 'denied';

/** Each action run by a role against a running shift: whether it went through. */
const ACTIONS: Record<string, (client: GraphQLClient, shift: Awaited<ReturnType<typeof runningShift>>) => Promise<Outcome>> = {
  'confirm hours (shiftAttendanceRecord ATTENDED)': async (client, { signUpId }) =>
    verdict(await mutate(client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED' } })),
  'mark a no-show (shiftAttendanceRecord NO_SHOW)': async (client, { signUpId }) =>
    verdict(await mutate(client, VOPS.attendance, { input: { signUpId, outcome: 'NO_SHOW' } })),
  'check a volunteer in (shiftCheckIn)': async (client, { shiftId, subject }) =>
    verdict(await mutate(client, VOPS.checkIn, { input: { shiftId, personId: subject.id } })),
  'correct hours (serviceHoursCorrect)': async (client, { signUpId }) => {
    const credited = await ok(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED' } });
    return verdict(
      await mutate(client, VOPS.correct, { input: { entryId: credited.signUp.serviceHoursEntries[0].id, hours: '-1', reason: '更正' } }),
    );
  },
  'add a shift (shiftCreate)': async (client, { day }) =>
    verdict(
      await mutate(client, VOPS.shiftCreate, {
        input: { activityId: world.activityId, startsAt: at(day, '15:00'), endsAt: at(day, '17:00'), capacity: 5 },
      }),
    ),
  'change a shift (shiftUpdate)': async (client, { shiftId }) =>
    verdict(await mutate(client, VOPS.shiftUpdate, { id: shiftId, input: { capacity: 12 } })),
  'edit the activity (volunteerActivityUpdate)': async (client) => {
    const outcome = verdict(
      await mutate(client, VOPS.activityUpdate, { id: world.activityId, input: { place: '城东社区党群服务中心二楼' } }),
    );
    // The portal offers the edit exactly when the API says the viewer may.
    const data = await client.query(`query ($id: ID!) { volunteerActivity(id: $id) { viewerCanUpdate } }`, { id: world.activityId });
    expect(data.volunteerActivity.viewerCanUpdate).toBe(outcome === 'allowed');
    return outcome;
  },
  'read the roster and the check-in code': async (client, { shiftId }) => {
    const data = await client.query(`query ($id: ID!) { shift(id: $id) { checkInCode signUps { totalCount } viewerCanCoordinate } }`, {
      id: shiftId,
    });
    const seen = data.shift.signUps !== null && data.shift.checkInCode !== null;
    expect(data.shift.viewerCanCoordinate).toBe(seen);
    return seen ? 'allowed' : 'denied';
  },
};

function verdict(payload: { userErrors: { code: string }[] }): Outcome {
  if (payload.userErrors.length === 0) {
    return 'allowed';
  }
  expect(payload.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
  return 'denied';
}

const CASES = Object.keys(ACTIONS).flatMap((action) =>
  ROLES.map((role) => [action, role, ALLOWED.includes(role) ? 'allowed' : 'denied'] as const),
);

describe('volunteering policy: role × action', () => {
  it.each(CASES)('%s as %s is %s', async (action, role, expected) => {
    const shift = await runningShift();
    const client = role === 'volunteerOnShift' ? shift.other.client : roles[role];
    expect(await ACTIONS[action]!(client, shift)).toBe(expected);
  });

  it('answers signed-out callers with UNAUTHENTICATED', async () => {
    const { signUpId } = await runningShift();
    const response = await world.people.anonymous.request(VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('commitment evaluation policy: who may rate', () => {
  let commitments: CommitmentWorld;
  let commitmentId: string;
  let personalId: string;

  beforeAll(async () => {
    server.clock.set('2026-11-21T02:00:00.000Z');
    commitments = await buildCommitmentWorld(server);
    const base = { title: '修缮小区路灯', description: '更换损坏路灯', beneficiary: '城东社区居民', dueOn: '2026-12-20' };
    const organisationId = commitments.organisations.lead.id;
    commitmentId = (await ok(commitments.people.secretary.client, COPS.create, { input: { ...base, organisationId } })).commitment.id;
    await ok(commitments.people.secretary.client, COPS.fulfil, { id: commitmentId });
    // A personal commitment of a party member who lives in the village.
    await server.sql(`update person set residence_region_id = ? where id = ?`, [commitments.grid.uuid, commitments.partyMember.uuid]);
    personalId = (await ok(commitments.partyMember.client, COPS.create, { input: { ...base, organisationId, personal: true } })).commitment
      .id;
    await ok(commitments.partyMember.client, COPS.fulfil, { id: personalId });
  });

  const RATERS: [string, () => Account, () => string, 'allowed' | 'denied'][] = [
    ['a resident of the village', () => commitments.villager, () => commitmentId, 'allowed'],
    ['a council member living elsewhere', () => commitments.councilMember, () => commitmentId, 'allowed'],
    ['a resident of another township', () => commitments.outsider, () => commitmentId, 'denied'],
    ['a member of the committing branch', () => commitments.people.leadMember, () => commitmentId, 'denied'],
    ['a member of the party committee above', () => commitments.committeeMember, () => commitmentId, 'denied'],
    ['the member who made a personal commitment, though living in the village', () => commitments.partyMember, () => personalId, 'denied'],
    ['a resident of the village rating a personal commitment', () => commitments.villager, () => personalId, 'allowed'],
  ];

  it.each(RATERS)('%s: %s', async (_who, rater, id, expected) => {
    const before = await rater().client.query(`query ($id: ID!) { commitment(id: $id) { viewerCanEvaluate } }`, { id: id() });
    expect(before.commitment.viewerCanEvaluate).toBe(expected === 'allowed');
    const payload = await mutate(rater().client, COPS.evaluate, { input: { commitmentId: id(), score: 4 } });
    expect(verdict(payload)).toBe(expected);
    const data = await rater().client.query(`query ($id: ID!) { commitment(id: $id) { viewerCanEvaluate } }`, { id: id() });
    // Once rated, nobody may rate again; a refused rater never could.
    expect(data.commitment.viewerCanEvaluate).toBe(false);
  });
});
