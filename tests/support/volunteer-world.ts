import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEMO_FIXTURES } from '@gongzhi/server/src/demo/fixtures.js';
import { expect } from 'vitest';
import type { GraphQLClient } from './client.js';
import { addPartner, createNeed, createProject, mutate } from './partner-api.js';
import { buildPartnerWorld, globalId, type Account, type PartnerWorld } from './partner-world.js';
import type { TestServer } from './server.js';

/** The volunteering operations, selecting what the tests assert on. */
export const VOPS = {
  activityCreate: `mutation ($input: VolunteerActivityCreateInput!) {
    volunteerActivityCreate(input: $input) { volunteerActivity { id title place organisation { id } need { id } region { id } project { id } viewerCanUpdate } userErrors { code field } } }`,
  activityUpdate: `mutation ($id: ID!, $input: VolunteerActivityUpdateInput!) {
    volunteerActivityUpdate(id: $id, input: $input) { volunteerActivity { id title place need { id } } userErrors { code field } } }`,
  shiftCreate: `mutation ($input: ShiftCreateInput!) {
    shiftCreate(input: $input) { shift { id startsAt endsAt capacity requiredSkills lengthHours checkInCode remainingPlaces } userErrors { code field } } }`,
  shiftUpdate: `mutation ($id: ID!, $input: ShiftUpdateInput!) {
    shiftUpdate(id: $id, input: $input) { shift { id capacity startsAt endsAt checkInCode placesTaken remainingPlaces waitlistCount } userErrors { code field } } }`,
  signUp: `mutation ($input: ShiftSignUpInput!) {
    shiftSignUp(input: $input) { signUp { id status waitlistPosition shift { id remainingPlaces waitlistCount } } userErrors { code field } } }`,
  cancel: `mutation ($input: ShiftCancelInput!) {
    shiftCancel(input: $input) { signUp { id status cancelledAt } userErrors { code field } } }`,
  checkIn: `mutation ($input: ShiftCheckInInput!) {
    shiftCheckIn(input: $input) { signUp { id status checkedInAt } userErrors { code field } } }`,
  attendance: `mutation ($input: ShiftAttendanceRecordInput!) {
    shiftAttendanceRecord(input: $input) {
      signUp { id status hoursConfirmed serviceHoursEntries { id hours kind reason verifiedBy { id } } } userErrors { code field } } }`,
  correct: `mutation ($input: ServiceHoursCorrectInput!) {
    serviceHoursCorrect(input: $input) { serviceHoursEntry { id hours kind reason points corrects { id } } userErrors { code field } } }`,
  pointsRuleSet: `mutation ($input: VolunteerPointsRuleSetInput!) {
    volunteerPointsRuleSet(input: $input) { volunteerPointsRule { pointsPerHour effectiveFrom organisation { id } } userErrors { code field } } }`,
} as const;

type Payload = Awaited<ReturnType<typeof mutate>>;

/** A mutation's payload, failing the test on any user error. */
export async function ok(client: GraphQLClient, operation: string, variables: Record<string, unknown>): Promise<Payload> {
  const payload = await mutate(client, operation, variables);
  expect(payload.userErrors).toEqual([]);
  return payload;
}

/** The codes of a mutation's user errors. */
export async function errorCodes(client: GraphQLClient, operation: string, variables: Record<string, unknown>): Promise<string[]> {
  return (await mutate(client, operation, variables)).userErrors.map((error) => error.code);
}

/** Gives existing people the VOLUNTEER tag (profiles are not under test here). */
export async function makeVolunteers(server: TestServer, ...people: { uuid: string }[]): Promise<void> {
  for (const person of people) {
    await server.sql(`update person set tags = array_append(tags, 'VOLUNTEER') where id = ? and not ('VOLUNTEER' = any(tags))`, [
      person.uuid,
    ]);
  }
}

let inserted = 0;

/**
 * `count` volunteers written with SQL, each with an API token, so each is a separate signed-in client
 * without paying for a password hash: many people acting at once, cheaply.
 */
export async function insertVolunteers(
  server: TestServer,
  count: number,
  options: { residenceRegionUuid?: string } = {},
): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let index = 0; index < count; index += 1) {
    inserted += 1;
    const uuid = randomUUID();
    const secret = `gz_${randomBytes(24).toString('base64url')}`;
    await server.sql(
      `insert into person (id, created_at, name, tags, skills, residence_region_id) values (?, now(), ?, '{RESIDENT,VOLUNTEER}', '{}', ?)`,
      [uuid, `志愿者${inserted}`, options.residenceRegionUuid ?? null],
    );
    await server.sql(`insert into api_token (id, created_at, name, token_hash, person_id) values (?, now(), 'test', ?, ?)`, [
      randomUUID(),
      createHash('sha256').update(secret).digest('hex'),
      uuid,
    ]);
    const client = server.client();
    client.bearer = secret;
    accounts.push({ uuid, id: globalId('Person', uuid), client });
  }
  return accounts;
}

/** The test clock's "now" is 2026-11-21T02:00Z; shifts are placed in December, in China time. */
export function at(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

export interface VolunteerWorld extends PartnerWorld {
  projectId: string;
  /** The project's VOLUNTEER_HOURS need (200 小时). */
  hoursNeedId: string;
  /** An activity the social organisation (an accepted partner) organises, linked to the hours need. */
  activityId: string;
  /** The social organisation's coordinator (13800000005), who runs the activity. */
  coordinator: Account;
}

/** The partner world plus a recruiting project the social organisation partners in, with a volunteer activity. */
export async function buildVolunteerWorld(server: TestServer): Promise<VolunteerWorld> {
  const world = await buildPartnerWorld(server);
  const projectId = await createProject(world, { title: '城东社区助老志愿服务' });
  await addPartner(world, projectId, world.organisations.social, world.people.socialCoordinator.client);
  const hoursNeedId = await createNeed(world, projectId, { quantity: '200', kind: 'VOLUNTEER_HOURS', unit: '小时' });
  const coordinator = world.people.socialCoordinator;
  const created = await ok(coordinator.client, VOPS.activityCreate, {
    input: {
      projectId,
      organisationId: world.organisations.social.id,
      needId: hoursNeedId,
      title: '独居老人探访',
      description: '上门陪伴独居老人，协助打扫卫生、代购生活用品。',
      place: '城东社区党群服务中心',
      regionId: world.regions.villageA.id,
    },
  });
  return { ...world, projectId, hoursNeedId, activityId: created.volunteerActivity.id as string, coordinator };
}

let shifts = 0;

/** A shift of the activity from December on (a new day per call unless given), 09:00–13:00 China time. */
export async function createShift(
  world: VolunteerWorld,
  options: { capacity?: number; day?: string; from?: string; to?: string; activityId?: string } = {},
): Promise<{ id: string; checkInCode: string }> {
  shifts += 1;
  const day = options.day ?? new Date(Date.UTC(2026, 11, shifts)).toISOString().slice(0, 10);
  const payload = await ok(world.coordinator.client, VOPS.shiftCreate, {
    input: {
      activityId: options.activityId ?? world.activityId,
      startsAt: at(day, options.from ?? '09:00'),
      endsAt: at(day, options.to ?? '13:00'),
      capacity: options.capacity ?? 10,
      requiredSkills: ['陪伴聊天'],
    },
  });
  return { id: payload.shift.id as string, checkInCode: payload.shift.checkInCode as string };
}

/**
 * In the demo district: a project the demo social organisation (13800000005 coordinates it) is an
 * accepted partner of, open for sign-ups, one of its regions, and the organisation.
 */
export async function demoPartnerProject(server: TestServer): Promise<{ projectId: string; regionId: string; organisationId: string }> {
  const [row] = await server.sql<{ project_id: string; region_id: string; organisation_id: string }>(
    `select p.id as project_id, pr.region_id, o.id as organisation_id
       from project p
       join project_partner pp on pp.project_id = p.id and pp.status = 'ACCEPTED'
       join organisation o on o.id = pp.organisation_id and o.name = ?
       join project_region pr on pr.project_id = p.id
      where p.status in ('RECRUITING', 'ACTIVE')
      order by p.title, pr.created_at
      limit 1`,
    [DEMO_FIXTURES.socialOrganisation],
  );
  expect(row, 'the demo data has a recruiting or active project the social organisation partners in').toBeDefined();
  return {
    projectId: globalId('Project', row!.project_id),
    regionId: globalId('Region', row!.region_id),
    organisationId: globalId('Organisation', row!.organisation_id),
  };
}
