import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from '../support/client.js';
import { uuidOfId, type Account } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { subscribe } from '../support/subscriptions.js';
import { buildVolunteerWorld, createShift, insertVolunteers, ok, VOPS, type VolunteerWorld } from '../support/volunteer-world.js';

let first: TestServer;
/** A second server on the same database: another process's pool, locks and LISTEN connection. */
let second: TestServer;
let world: VolunteerWorld;

beforeAll(async () => {
  first = await startTestServer();
  second = await startTestServer({ databaseUrl: first.databaseUrl });
  world = await buildVolunteerWorld(first);
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

/** The same volunteer as a client of `server` (API tokens work on any server of the database). */
function on(server: TestServer, volunteer: Account): GraphQLClient {
  const client = new GraphQLClient(server.url);
  client.bearer = volunteer.client.bearer;
  return client;
}

/** Fires every volunteer's sign-up at once, alternating between the servers when `spread`. */
async function signUpAtOnce(volunteers: Account[], shiftId: string, spread: boolean): Promise<string[]> {
  const results = await Promise.all(
    volunteers.map((volunteer, index) =>
      on(spread && index % 2 === 1 ? second : first, volunteer).query(VOPS.signUp, { input: { shiftId } }),
    ),
  );
  return results.map((data) => {
    expect(data.shiftSignUp.userErrors).toEqual([]);
    return data.shiftSignUp.signUp.status as string;
  });
}

/** Statuses, waitlist positions and activity entries of a shift, read from the database. */
async function ledger(shiftId: string) {
  const rows = await first.sql<{ status: string; count: number }>(
    `select status::text, count(*)::int as count from shift_sign_up where shift_id = ? group by status order by status`,
    [uuidOfId(shiftId)],
  );
  const [{ entries }] = (await first.sql<{ entries: number }>(
    `select count(*)::int as entries from activity_entry where action = 'shiftSignUp.created' and after->>'shiftId' = ?`,
    [shiftId],
  )) as [{ entries: number }];
  return { statuses: Object.fromEntries(rows.map((row) => [row.status, row.count])), entries };
}

async function waitlistPositions(volunteers: Account[], shiftId: string): Promise<number[]> {
  const positions = await Promise.all(
    volunteers.map(async (volunteer) => {
      const data = await volunteer.client.query(`query ($id: ID!) { shift(id: $id) { viewerSignUp { waitlistPosition } } }`, {
        id: shiftId,
      });
      return data.shift.viewerSignUp.waitlistPosition as number | null;
    }),
  );
  return positions.filter((position): position is number => position !== null).sort((a, b) => a - b);
}

describe('shiftSignUp under concurrency', () => {
  it('gives exactly 10 places and 90 waitlist places to 100 simultaneous sign-ups for a 10-place shift', async () => {
    const { id } = await createShift(world, { capacity: 10 });
    const volunteers = await insertVolunteers(first, 100);
    const statuses = await signUpAtOnce(volunteers, id, false);
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'WAITLISTED')).toHaveLength(90);
    expect(await ledger(id)).toEqual({ statuses: { CONFIRMED: 10, WAITLISTED: 90 }, entries: 100 });
    // One queue: positions 1…90, each exactly once.
    expect(await waitlistPositions(volunteers, id)).toEqual(Array.from({ length: 90 }, (_, index) => index + 1));
  });

  it('holds across two server processes on one database', async () => {
    const { id } = await createShift(world, { capacity: 10 });
    const volunteers = await insertVolunteers(first, 100);
    const statuses = await signUpAtOnce(volunteers, id, true);
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(10);
    expect(await ledger(id)).toEqual({ statuses: { CONFIRMED: 10, WAITLISTED: 90 }, entries: 100 });
    const data = await on(second, volunteers[0]!).query(
      `query ($id: ID!) { shift(id: $id) { placesTaken remainingPlaces waitlistCount } }`,
      { id },
    );
    expect(data.shift).toEqual({ placesTaken: 10, remainingPlaces: 0, waitlistCount: 90 });
  });

  it('promotes exactly the first five waiting, in order, when five confirmed volunteers cancel at once on both servers', async () => {
    const { id } = await createShift(world, { capacity: 5 });
    const volunteers = await insertVolunteers(first, 12);
    // One by one, so the queue order is known: 5 places, then 7 waiting.
    for (const volunteer of volunteers) {
      await ok(volunteer.client, VOPS.signUp, { input: { shiftId: id } });
    }
    await Promise.all(
      volunteers
        .slice(0, 5)
        .map((volunteer, index) => ok(on(index % 2 ? second : first, volunteer), VOPS.cancel, { input: { shiftId: id } })),
    );
    const statuses = await Promise.all(
      volunteers.map(async (volunteer) => {
        const data = await volunteer.client.query(`query ($id: ID!) { shift(id: $id) { viewerSignUp { status waitlistPosition } } }`, {
          id,
        });
        return data.shift.viewerSignUp ? [data.shift.viewerSignUp.status, data.shift.viewerSignUp.waitlistPosition] : null;
      }),
    );
    expect(statuses).toEqual([null, null, null, null, null, ...Array(5).fill(['CONFIRMED', null]), ['WAITLISTED', 1], ['WAITLISTED', 2]]);
  });

  it('tells subscribers on one server about sign-ups made on the other', async () => {
    const { id } = await createShift(world, { capacity: 3 });
    const [volunteer] = await insertVolunteers(first, 1);
    const subscription = subscribe(
      second.url,
      undefined,
      `subscription ($shiftId: ID!) { shiftUpdated(shiftId: $shiftId) { remainingPlaces } }`,
      { shiftId: id },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await ok(on(first, volunteer!), VOPS.signUp, { input: { shiftId: id } });
      expect((await subscription.next()).data?.shiftUpdated).toEqual({ remainingPlaces: 2 });
    } finally {
      await subscription.close();
    }
  });
});
