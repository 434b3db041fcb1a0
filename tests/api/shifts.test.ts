import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, createNeed, createProject, OPS, succeed } from '../support/partner-api.js';
import { uuidOfId, type Account } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { subscribe } from '../support/subscriptions.js';
import {
  at,
  buildVolunteerWorld,
  createShift,
  errorCodes,
  insertVolunteers,
  ok,
  VOPS,
  type VolunteerWorld,
} from '../support/volunteer-world.js';

let server: TestServer;
let world: VolunteerWorld;

beforeAll(async () => {
  // Sessions outlive the months the clock is moved across.
  server = await startTestServer({ env: { SESSION_DAYS: '365' } });
  world = await buildVolunteerWorld(server);
});
afterAll(() => server?.stop());

const SHIFT = `query ($id: ID!) { shift(id: $id) {
  id capacity placesTaken remainingPlaces waitlistCount
  viewerSignUp { id status waitlistPosition }
  signUps { nodes { status waitlistPosition person { id } } }
} }`;

async function signUp(volunteer: Account, shiftId: string) {
  return (await ok(volunteer.client, VOPS.signUp, { input: { shiftId } })).signUp;
}

describe('volunteerActivityCreate', () => {
  const input = () => ({
    projectId: world.projectId,
    organisationId: world.organisations.social.id,
    title: '垃圾分类宣传',
    description: '在小区门口宣传垃圾分类。',
    place: '城东社区东门',
    regionId: world.regions.villageA.id,
  });

  it('creates an activity of an accepted partner and puts it on the project timeline', async () => {
    const payload = await ok(world.coordinator.client, VOPS.activityCreate, { input: input() });
    expect(payload.volunteerActivity).toMatchObject({
      title: '垃圾分类宣传',
      organisation: { id: world.organisations.social.id },
      viewerCanUpdate: true,
    });
    const [entry] = await server.sql<{ action: string; project_uuid: string; on_behalf_of_id: string }>(
      `select action, project_uuid, on_behalf_of_id from activity_entry where subject_uuid = ?`,
      [uuidOfId(payload.volunteerActivity.id)],
    );
    expect(entry).toEqual({
      action: 'volunteerActivity.created',
      project_uuid: uuidOfId(world.projectId),
      on_behalf_of_id: world.organisations.social.uuid,
    });
  });

  it('lets the lead organise too: it holds the CORE place', async () => {
    await ok(world.people.secretary.client, VOPS.activityCreate, { input: { ...input(), organisationId: world.organisations.lead.id } });
  });

  it('returns NOT_A_PARTNER for an organisation that is only invited', async () => {
    const projectId = await createProject(world);
    await succeed(world.people.secretary.client, OPS.partnerInvite, {
      input: { projectId, organisationId: world.organisations.social.id, role: 'PARTNER' },
    });
    expect(await errorCodes(world.coordinator.client, VOPS.activityCreate, { input: { ...input(), projectId } })).toEqual([
      'NOT_A_PARTNER',
    ]);
  });

  it('returns FORBIDDEN to a plain member of the organising organisation', async () => {
    expect(
      await errorCodes(world.people.leadMember.client, VOPS.activityCreate, {
        input: { ...input(), organisationId: world.organisations.lead.id },
      }),
    ).toEqual(['FORBIDDEN']);
  });

  it('returns INVALID for a need that is not about volunteer hours, and field errors together', async () => {
    const fundsNeedId = await createNeed(world, world.projectId, { quantity: '1000' });
    const payload = await mutateCodes(VOPS.activityCreate, {
      input: { ...input(), needId: fundsNeedId, title: ' ', place: 'x'.repeat(201) },
    });
    expect(payload).toEqual([
      ['REQUIRED', 'input.title'],
      ['TOO_LONG', 'input.place'],
      ['INVALID', 'input.needId'],
    ]);
  });
});

describe('volunteerActivityUpdate', () => {
  const ACTIVITY = `query ($id: ID!) { volunteerActivity(id: $id) {
    title description place region { id } need { id } viewerCanUpdate viewerCanCoordinate
  } }`;

  /** A fresh activity of the social organisation, so that each case edits its own. */
  async function activity(projectId = world.projectId, needId: string | null = null): Promise<string> {
    const payload = await ok(world.coordinator.client, VOPS.activityCreate, {
      input: {
        projectId,
        organisationId: world.organisations.social.id,
        needId,
        title: '敬老院陪护',
        description: '陪老人聊天、读报。',
        place: '城东敬老院',
        regionId: world.regions.villageA.id,
      },
    });
    return payload.volunteerActivity.id as string;
  }

  it('changes the fields given and keeps the others', async () => {
    const id = await activity();
    await ok(world.coordinator.client, VOPS.activityUpdate, {
      id,
      input: { title: ' 敬老院周末陪护 ', regionId: world.regions.townshipA.id },
    });
    expect((await world.coordinator.client.query(ACTIVITY, { id })).volunteerActivity).toEqual({
      title: '敬老院周末陪护',
      description: '陪老人聊天、读报。',
      place: '城东敬老院',
      region: { id: world.regions.townshipA.id },
      need: null,
      viewerCanUpdate: true,
      viewerCanCoordinate: true,
    });
  });

  it("links another of the project's VOLUNTEER_HOURS needs and unlinks it, but never a need of another kind", async () => {
    const id = await activity(world.projectId, world.hoursNeedId);
    const otherHoursNeedId = await createNeed(world, world.projectId, { quantity: '50', kind: 'VOLUNTEER_HOURS', unit: '小时' });
    const fundsNeedId = await createNeed(world, world.projectId, { quantity: '1000' });
    const linked = await ok(world.coordinator.client, VOPS.activityUpdate, { id, input: { needId: otherHoursNeedId } });
    expect(linked.volunteerActivity.need).toEqual({ id: otherHoursNeedId });
    expect(await mutateCodes(VOPS.activityUpdate, { id, input: { needId: fundsNeedId } })).toEqual([['INVALID', 'input.needId']]);
    expect(await mutateCodes(VOPS.activityUpdate, { id, input: { needId: world.hoursNeedId, unlinkNeed: true } })).toEqual([
      ['INVALID', 'input.unlinkNeed'],
    ]);
    const unlinked = await ok(world.coordinator.client, VOPS.activityUpdate, { id, input: { unlinkNeed: true } });
    expect(unlinked.volunteerActivity.need).toBeNull();
  });

  it('puts each problem on its field, all in one answer, and changes nothing', async () => {
    const id = await activity();
    expect(
      await mutateCodes(VOPS.activityUpdate, { id, input: { title: ' ', place: 'x'.repeat(201), regionId: world.projectId } }),
    ).toEqual([
      ['REQUIRED', 'input.title'],
      ['TOO_LONG', 'input.place'],
      ['NOT_FOUND', 'input.regionId'],
    ]);
    expect((await world.coordinator.client.query(ACTIVITY, { id })).volunteerActivity).toMatchObject({
      title: '敬老院陪护',
      place: '城东敬老院',
    });
  });

  it('freezes the activity and its shifts once the project is over: INVALID_STATE_TRANSITION and viewerCanUpdate false', async () => {
    const projectId = await createProject(world);
    await addPartner(world, projectId, world.organisations.social, world.coordinator.client);
    const id = await activity(projectId);
    const shift = await createShift(world, { activityId: id });
    await succeed(world.people.secretary.client, OPS.projectTransition, { id: projectId, input: { to: 'CANCELLED', reason: '场地取消' } });
    expect(await errorCodes(world.coordinator.client, VOPS.activityUpdate, { id, input: { title: '改期' } })).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(await errorCodes(world.coordinator.client, VOPS.shiftUpdate, { id: shift.id, input: { capacity: 20 } })).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    // The coordinators still run it (roster, hours) but the portal offers no edit.
    expect((await world.coordinator.client.query(ACTIVITY, { id })).volunteerActivity).toMatchObject({
      viewerCanUpdate: false,
      viewerCanCoordinate: true,
    });
  });
});

async function mutateCodes(operation: string, variables: Record<string, unknown>): Promise<[string, string][]> {
  const data = await world.coordinator.client.query(operation, variables);
  const payload = Object.values(data)[0] as { userErrors: { code: string; field: string[] }[] };
  return payload.userErrors.map((error) => [error.code, error.field.join('.')]);
}

describe('shiftCreate', () => {
  it('creates a shift whose check-in code only coordinators see', async () => {
    const { id, checkInCode } = await createShift(world, { capacity: 3 });
    expect(checkInCode).toMatch(/^[A-Z2-9]{6}$/);
    const [volunteer] = await insertVolunteers(server, 1);
    const seen = await volunteer!.client.query(
      `query ($id: ID!) { shift(id: $id) { checkInCode lengthHours remainingPlaces signUps { totalCount } } }`,
      { id },
    );
    expect(seen.shift).toEqual({ checkInCode: null, lengthHours: '4.00', remainingPlaces: 3, signUps: null });
  });

  it('refuses a start in the past, an end before the start and a capacity of 0', async () => {
    const codes = await mutateCodes(VOPS.shiftCreate, {
      input: { activityId: world.activityId, startsAt: at('2026-11-20', '09:00'), endsAt: at('2026-11-20', '08:00'), capacity: 0 },
    });
    expect(codes).toEqual([
      ['INVALID', 'input.startsAt'],
      ['INVALID', 'input.endsAt'],
      ['INVALID', 'input.capacity'],
    ]);
  });
});

describe('shiftSignUp', () => {
  it('confirms while places are free, then waitlists in sign-up order', async () => {
    const { id } = await createShift(world, { capacity: 2 });
    const volunteers = await insertVolunteers(server, 4);
    const statuses = [];
    for (const volunteer of volunteers) {
      const result = await signUp(volunteer, id);
      statuses.push([result.status, result.waitlistPosition]);
    }
    expect(statuses).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
    const data = await world.coordinator.client.query(SHIFT, { id });
    expect(data.shift).toMatchObject({ placesTaken: 2, remainingPlaces: 0, waitlistCount: 2 });
    expect(data.shift.signUps.nodes.map((node: { person: { id: string } }) => node.person.id)).toEqual(
      volunteers.map((volunteer) => volunteer.id),
    );
  });

  it('returns NOT_A_VOLUNTEER to someone without the volunteer tag', async () => {
    const { id } = await createShift(world);
    expect(await errorCodes(world.people.enterpriseMember.client, VOPS.signUp, { input: { shiftId: id } })).toEqual(['NOT_A_VOLUNTEER']);
  });

  it('returns ALREADY_SIGNED_UP for a second sign-up, also from the waitlist', async () => {
    const { id } = await createShift(world, { capacity: 1 });
    const [first, second] = await insertVolunteers(server, 2);
    await signUp(first!, id);
    await signUp(second!, id);
    expect(await errorCodes(first!.client, VOPS.signUp, { input: { shiftId: id } })).toEqual(['ALREADY_SIGNED_UP']);
    expect(await errorCodes(second!.client, VOPS.signUp, { input: { shiftId: id } })).toEqual(['ALREADY_SIGNED_UP']);
  });

  it('returns SHIFT_OVERLAP for a shift overlapping a place the volunteer holds', async () => {
    const morning = await createShift(world, { day: '2027-02-01', from: '09:00', to: '12:00' });
    const noon = await createShift(world, { day: '2027-02-01', from: '11:00', to: '14:00' });
    const afternoon = await createShift(world, { day: '2027-02-01', from: '12:00', to: '15:00' });
    const [volunteer] = await insertVolunteers(server, 1);
    await signUp(volunteer!, morning.id);
    expect(await errorCodes(volunteer!.client, VOPS.signUp, { input: { shiftId: noon.id } })).toEqual(['SHIFT_OVERLAP']);
    // Back to back is not overlapping.
    expect((await signUp(volunteer!, afternoon.id)).status).toBe('CONFIRMED');
  });

  it('returns SHIFT_CLOSED once the shift has started', async () => {
    const { id } = await createShift(world, { day: '2027-02-02' });
    const [volunteer] = await insertVolunteers(server, 1);
    server.clock.set(at('2027-02-02', '09:30'));
    try {
      expect(await errorCodes(volunteer!.client, VOPS.signUp, { input: { shiftId: id } })).toEqual(['SHIFT_CLOSED']);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });

  it('returns NOT_FOUND for an id of another type', async () => {
    expect(await errorCodes(world.people.resident.client, VOPS.signUp, { input: { shiftId: world.activityId } })).toEqual(['NOT_FOUND']);
  });
});

describe('shiftCancel', () => {
  it('promotes the first person waiting when a confirmed volunteer cancels', async () => {
    const { id } = await createShift(world, { capacity: 1 });
    const [holder, first, second] = await insertVolunteers(server, 3);
    await signUp(holder!, id);
    await signUp(first!, id);
    await signUp(second!, id);
    const cancelled = await ok(holder!.client, VOPS.cancel, { input: { shiftId: id } });
    expect(cancelled.signUp.status).toBe('CANCELLED');
    expect((await first!.client.query(SHIFT, { id })).shift.viewerSignUp).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    expect((await second!.client.query(SHIFT, { id })).shift.viewerSignUp).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
  });

  it('passes over someone waiting who meanwhile holds an overlapping place', async () => {
    const full = await createShift(world, { capacity: 1, day: '2027-02-03' });
    const other = await createShift(world, { capacity: 5, day: '2027-02-03', from: '10:00', to: '11:00' });
    const [holder, busy, free] = await insertVolunteers(server, 3);
    await signUp(holder!, full.id);
    await signUp(busy!, full.id);
    await signUp(free!, full.id);
    await signUp(busy!, other.id);
    await ok(holder!.client, VOPS.cancel, { input: { shiftId: full.id } });
    expect((await busy!.client.query(SHIFT, { id: full.id })).shift.viewerSignUp).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect((await free!.client.query(SHIFT, { id: full.id })).shift.viewerSignUp.status).toBe('CONFIRMED');
  });

  it("lets a coordinator cancel a volunteer's sign-up, but not another volunteer", async () => {
    const { id } = await createShift(world);
    const [volunteer, stranger] = await insertVolunteers(server, 2);
    await signUp(volunteer!, id);
    expect(await errorCodes(stranger!.client, VOPS.cancel, { input: { shiftId: id, personId: volunteer!.id } })).toEqual(['NOT_FOUND']);
    await ok(world.coordinator.client, VOPS.cancel, { input: { shiftId: id, personId: volunteer!.id } });
    const [entry] = await server.sql<{ on_behalf_of_id: string }>(
      `select on_behalf_of_id from activity_entry where action = 'shiftSignUp.cancelled' and after->>'personId' = ?`,
      [volunteer!.id],
    );
    expect(entry!.on_behalf_of_id).toBe(world.organisations.social.uuid);
  });

  it('lets a volunteer sign up again after cancelling, at the end of the queue', async () => {
    const { id } = await createShift(world, { capacity: 1 });
    const [holder, waiting, back] = await insertVolunteers(server, 3);
    await signUp(holder!, id);
    await signUp(back!, id);
    await signUp(waiting!, id);
    await ok(back!.client, VOPS.cancel, { input: { shiftId: id } });
    expect((await signUp(back!, id)).waitlistPosition).toBe(2);
  });
});

describe('shiftUpdate', () => {
  it('promotes people waiting when capacity grows, and refuses capacity below the places taken', async () => {
    const { id } = await createShift(world, { capacity: 1 });
    const volunteers = await insertVolunteers(server, 3);
    for (const volunteer of volunteers) {
      await signUp(volunteer, id);
    }
    const grown = await ok(world.coordinator.client, VOPS.shiftUpdate, { id, input: { capacity: 2 } });
    expect(grown.shift).toMatchObject({ capacity: 2, placesTaken: 2, waitlistCount: 1 });
    expect((await volunteers[1]!.client.query(SHIFT, { id })).shift.viewerSignUp.status).toBe('CONFIRMED');
    expect(await errorCodes(world.coordinator.client, VOPS.shiftUpdate, { id, input: { capacity: 1 } })).toEqual(['INVALID']);
  });

  it('refuses to move a shift onto another place a volunteer holds (SHIFT_OVERLAP)', async () => {
    const first = await createShift(world, { day: '2027-02-04' });
    const second = await createShift(world, { day: '2027-02-05' });
    const [volunteer] = await insertVolunteers(server, 1);
    await signUp(volunteer!, first.id);
    await signUp(volunteer!, second.id);
    expect(
      await errorCodes(world.coordinator.client, VOPS.shiftUpdate, {
        id: second.id,
        input: { startsAt: at('2027-02-04', '12:00'), endsAt: at('2027-02-04', '15:00') },
      }),
    ).toEqual(['SHIFT_OVERLAP']);
  });

  it('names the field of each problem: capacity below the places taken, an end before the start', async () => {
    const { id } = await createShift(world, { capacity: 2, day: '2027-02-10' });
    for (const volunteer of await insertVolunteers(server, 2)) {
      await signUp(volunteer, id);
    }
    expect(await mutateCodes(VOPS.shiftUpdate, { id, input: { capacity: 1 } })).toEqual([['INVALID', 'input.capacity']]);
    expect(await mutateCodes(VOPS.shiftUpdate, { id, input: { endsAt: at('2027-02-10', '08:00') } })).toEqual([
      ['INVALID', 'input.endsAt'],
    ]);
    expect((await world.coordinator.client.query(SHIFT, { id })).shift).toMatchObject({ capacity: 2, placesTaken: 2 });
  });

  it('keeps the times of a started shift (SHIFT_CLOSED on startsAt) but still takes more places', async () => {
    const { id } = await createShift(world, { capacity: 2, day: '2027-02-11' });
    server.clock.set(at('2027-02-11', '09:30'));
    try {
      expect(await mutateCodes(VOPS.shiftUpdate, { id, input: { startsAt: at('2027-02-11', '10:00') } })).toEqual([
        ['SHIFT_CLOSED', 'input.startsAt'],
      ]);
      const grown = await ok(world.coordinator.client, VOPS.shiftUpdate, { id, input: { capacity: 4 } });
      expect(grown.shift).toMatchObject({ capacity: 4, startsAt: at('2027-02-11', '09:00') });
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });

  it('draws a new check-in code on request', async () => {
    const { id, checkInCode } = await createShift(world);
    const updated = await ok(world.coordinator.client, VOPS.shiftUpdate, { id, input: { regenerateCheckInCode: true } });
    expect(updated.shift.checkInCode).not.toBe(checkInCode);
  });
});

describe('shiftCheckIn', () => {
  it('checks a volunteer in with the code within the window, and not before it opens', async () => {
    const { id, checkInCode } = await createShift(world, { day: '2027-03-01' });
    const [volunteer] = await insertVolunteers(server, 1);
    await signUp(volunteer!, id);
    expect(await errorCodes(volunteer!.client, VOPS.checkIn, { input: { shiftId: id, code: checkInCode } })).toEqual(['CHECK_IN_NOT_OPEN']);
    server.clock.set(at('2027-03-01', '08:15'));
    try {
      expect(await errorCodes(volunteer!.client, VOPS.checkIn, { input: { shiftId: id } })).toEqual(['REQUIRED']);
      expect(await errorCodes(volunteer!.client, VOPS.checkIn, { input: { shiftId: id, code: 'ZZZZZZ' } })).toEqual([
        'CHECK_IN_CODE_INVALID',
      ]);
      const done = await ok(volunteer!.client, VOPS.checkIn, { input: { shiftId: id, code: checkInCode.toLowerCase() } });
      expect(done.signUp.status).toBe('CHECKED_IN');
      expect(await errorCodes(volunteer!.client, VOPS.checkIn, { input: { shiftId: id, code: checkInCode } })).toEqual([
        'INVALID_STATE_TRANSITION',
      ]);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });

  it('lets the coordinator check anyone in without a code, but not a volunteer someone else', async () => {
    const { id } = await createShift(world, { day: '2027-03-02' });
    const [volunteer, other] = await insertVolunteers(server, 2);
    await signUp(volunteer!, id);
    await signUp(other!, id);
    server.clock.set(at('2027-03-02', '09:05'));
    try {
      expect(await errorCodes(other!.client, VOPS.checkIn, { input: { shiftId: id, personId: volunteer!.id } })).toEqual(['FORBIDDEN']);
      expect((await ok(world.coordinator.client, VOPS.checkIn, { input: { shiftId: id, personId: volunteer!.id } })).signUp.status).toBe(
        'CHECKED_IN',
      );
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });
});

describe('volunteerActivities', () => {
  it('filters by project, organiser, region subtree and upcoming shifts', async () => {
    const anonymous = world.people.anonymous;
    const ids = async (filter: Record<string, unknown>) =>
      (
        await anonymous.query(
          `query ($filter: VolunteerActivityFilter) { volunteerActivities(first: 50, filter: $filter) { nodes { id } } }`,
          { filter },
        )
      ).volunteerActivities.nodes.map((node: { id: string }) => node.id);
    expect(await ids({ projectId: world.projectId })).toContain(world.activityId);
    expect(await ids({ organisationId: world.organisations.social.id, regionId: world.regions.district.id })).toContain(world.activityId);
    expect(await ids({ regionId: world.regions.townshipB.id })).not.toContain(world.activityId);
    expect(await ids({ upcoming: true })).toContain(world.activityId);
    server.clock.set('2030-01-01T00:00:00.000Z');
    try {
      expect(await ids({ upcoming: true })).not.toContain(world.activityId);
      expect(await ids({ upcoming: false })).toContain(world.activityId);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });

  it('hides activities of draft projects from outsiders', async () => {
    const draftId = await createProject(world, { status: 'DRAFT' });
    const created = await ok(world.people.secretary.client, VOPS.activityCreate, {
      input: {
        projectId: draftId,
        organisationId: world.organisations.lead.id,
        title: '筹备中的活动',
        description: '草稿项目的活动',
        place: '社区',
        regionId: world.regions.villageA.id,
      },
    });
    const query = `query ($id: ID!) { volunteerActivity(id: $id) { id } node(id: $id) { id } }`;
    expect(await world.people.anonymous.query(query, { id: created.volunteerActivity.id })).toEqual({
      volunteerActivity: null,
      node: null,
    });
    expect((await world.people.secretary.client.query(query, { id: created.volunteerActivity.id })).volunteerActivity).not.toBeNull();
  });
});

describe('shiftUpdated', () => {
  it('delivers the remaining places after each sign-up change', async () => {
    const { id } = await createShift(world, { capacity: 2 });
    const [first, second] = await insertVolunteers(server, 2);
    const subscription = subscribe(
      server.url,
      undefined,
      `subscription ($shiftId: ID!) { shiftUpdated(shiftId: $shiftId) { id remainingPlaces waitlistCount } }`,
      {
        shiftId: id,
      },
    );
    try {
      // Let the subscription reach the server before the first change.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await signUp(first!, id);
      expect((await subscription.next()).data?.shiftUpdated).toEqual({ id, remainingPlaces: 1, waitlistCount: 0 });
      await signUp(second!, id);
      expect((await subscription.next()).data?.shiftUpdated).toEqual({ id, remainingPlaces: 0, waitlistCount: 0 });
      await ok(first!.client, VOPS.cancel, { input: { shiftId: id } });
      expect((await subscription.next()).data?.shiftUpdated).toEqual({ id, remainingPlaces: 1, waitlistCount: 0 });
    } finally {
      await subscription.close();
    }
  });
});

describe('activity log', () => {
  const entries = async () => Number((await server.sql<{ n: number }>('select count(*)::int as n from activity_entry'))[0]!.n);

  it('appends exactly one entry per volunteering mutation, on the project timeline, and none for a refused one', async () => {
    const [volunteer, other] = await insertVolunteers(server, 2);
    const steps: [string, () => Promise<unknown>][] = [];
    let shiftId = '';
    let signUpId = '';
    let entryId = '';
    steps.push(['shift.created', async () => (shiftId = (await createShift(world, { capacity: 1, day: '2027-04-01' })).id)]);
    steps.push(['shift.updated', () => ok(world.coordinator.client, VOPS.shiftUpdate, { id: shiftId, input: { capacity: 2 } })]);
    steps.push([
      'shiftSignUp.created',
      async () => (signUpId = (await ok(volunteer!.client, VOPS.signUp, { input: { shiftId } })).signUp.id),
    ]);
    steps.push(['shiftSignUp.created', () => ok(other!.client, VOPS.signUp, { input: { shiftId } })]);
    steps.push(['shiftSignUp.cancelled', () => ok(other!.client, VOPS.cancel, { input: { shiftId } })]);
    steps.push([
      'shiftSignUp.checkedIn',
      async () => {
        server.clock.set(at('2027-04-01', '09:10'));
        await ok(world.coordinator.client, VOPS.checkIn, { input: { shiftId, personId: volunteer!.id } });
      },
    ]);
    steps.push([
      'shiftSignUp.completed',
      async () =>
        (entryId = (await ok(world.coordinator.client, VOPS.attendance, { input: { signUpId, outcome: 'ATTENDED' } })).signUp
          .serviceHoursEntries[0].id),
    ]);
    steps.push([
      'serviceHours.corrected',
      () => ok(world.coordinator.client, VOPS.correct, { input: { entryId, hours: '0.5', reason: '补录' } }),
    ]);
    steps.push([
      'volunteerActivity.updated',
      () => ok(world.coordinator.client, VOPS.activityUpdate, { id: world.activityId, input: { place: '城东社区党群服务中心一楼' } }),
    ]);
    try {
      for (const [action, run] of steps) {
        const before = await entries();
        await run();
        expect(await entries(), action).toBe(before + 1);
        // Ids are UUIDv7, ordered by when they were made (real time, not the test clock).
        const [last] = await server.sql<{ action: string; project_uuid: string }>(
          'select action, project_uuid from activity_entry order by id desc limit 1',
        );
        expect(last).toEqual({ action, project_uuid: uuidOfId(world.projectId) });
      }
      const before = await entries();
      expect(await errorCodes(volunteer!.client, VOPS.correct, { input: { entryId, hours: '9', reason: '多记' } })).toEqual(['FORBIDDEN']);
      expect(await entries()).toBe(before);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });
});
