import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { createProject, OPS, succeed } from '../support/partner-api.js';
import { buildPartnerWorld, signUpAccount, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

// A live subscription must not outlive the sign-in it started with (ADR 0017). Two server processes
// on one database: the subscriptions are on `a`, the session ends through `b`, as behind a load
// balancer, and the events come from `b` too.
let a: TestServer;
let b: TestServer;
let world: PartnerWorld;
let secretaryOnB: GraphQLClient;
const sockets: Client[] = [];

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ databaseUrl: a.databaseUrl });
  world = await buildPartnerWorld(a);
  secretaryOnB = await b.signedIn('13800000003');
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await b?.stop();
  await a?.stop();
});

const SUBSCRIPTION = `subscription ($id: ID!) { projectActivity(projectId: $id) { id action } }`;

interface Follower {
  events: string[];
  errors: { message: string; extensions?: { code?: string } }[];
  ended: boolean;
}

/** Follows a project's timeline over a WebSocket of `a`, sending a browser's cookie or an integration's token. */
function follow(projectId: string, credentials: { cookie?: string; authorization?: string }): Follower {
  const headers = Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== undefined));
  const socket = createClient({
    url: `${a.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    retryAttempts: 0,
  });
  sockets.push(socket);
  const follower: Follower = { events: [], errors: [], ended: false };
  socket.subscribe<{ projectActivity: { action: string } }>(
    { query: SUBSCRIPTION, variables: { id: projectId } },
    {
      next: (result) => {
        if (result.errors) {
          follower.errors.push(...(result.errors as Follower['errors']));
        } else {
          follower.events.push(result.data!.projectActivity.action);
        }
      },
      error: (error) => {
        follower.errors.push(...(Array.isArray(error) ? error : [{ message: String(error) }]));
        follower.ended = true;
      },
      complete: () => {
        follower.ended = true;
      },
    },
  );
  return follower;
}

async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One new entry on the project's timeline, made on `b`. */
async function change(projectId: string): Promise<void> {
  await succeed(secretaryOnB, OPS.needCreate, { input: { projectId, kind: 'MATERIALS', description: '桌椅', quantity: '20', unit: '套' } });
}

/** No signal tells a client its subscription is live: change the project until every follower has seen a change. */
async function untilLive(projectId: string, followers: Follower[]): Promise<void> {
  for (let attempt = 0; followers.some((follower) => follower.events.length === 0); attempt += 1) {
    expect(attempt).toBeLessThan(40);
    await change(projectId);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** A GraphQL operation on `b` as the browser holding `cookie`. */
async function onB(cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${b.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/**
 * After the sign-in behind `ended` has ended: the next change ends its subscription with UNAUTHENTICATED,
 * and `ended` receives nothing more, while `kept` receives that change and the next.
 */
async function expectEndedWhileOthersKeepGoing(projectId: string, ended: Follower, kept: Follower): Promise<void> {
  const [endedBefore, keptBefore] = [ended.events.length, kept.events.length];
  await change(projectId);
  await eventually(() => kept.events.length === keptBefore + 1, 'the change reaching the other subscriber');
  await eventually(() => ended.ended, 'the subscription of the ended sign-in to end');
  expect(ended.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  await change(projectId);
  await eventually(() => kept.events.length === keptBefore + 2, 'the next change reaching the other subscriber');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(ended.events).toHaveLength(endedBefore);
  expect(kept.errors).toEqual([]);
}

describe('projectActivity after the sign-in ends', () => {
  it('ends the subscription of a browser signed out on another process, and not that of the same person’s other browser', async () => {
    const projectId = await createProject(world);
    const [first, second] = [await a.signedIn('13800000009'), await a.signedIn('13800000009')];
    const [inFirst, inSecond] = [follow(projectId, { cookie: first.signedInCookie }), follow(projectId, { cookie: second.signedInCookie })];
    await untilLive(projectId, [inFirst, inSecond]);

    await onB(first.signedInCookie!, 'mutation { signOut { userErrors { code } } }');
    await expectEndedWhileOthersKeepGoing(projectId, inFirst, inSecond);
  });

  it('ends the subscription of a revoked API token', async () => {
    const projectId = await createProject(world);
    const person = await signUpAccount(a, '集成令牌');
    const created = await person.client.query(
      `mutation { apiTokenCreate(input: { name: "看板" }) { apiToken { id } secret userErrors { code } } }`,
    );
    const { apiToken, secret } = created.apiTokenCreate;
    const integration = follow(projectId, { authorization: `Bearer ${secret}` });
    const browser = follow(projectId, { cookie: person.client.signedInCookie });
    await untilLive(projectId, [integration, browser]);

    await onB(person.client.signedInCookie!, 'mutation ($id: ID!) { apiTokenRevoke(id: $id) { userErrors { code } } }', {
      id: apiToken.id,
    });
    await expectEndedWhileOthersKeepGoing(projectId, integration, browser);
  });

  it('ends the subscriptions of a deleted account', async () => {
    const projectId = await createProject(world);
    const person = await signUpAccount(a, '注销的关注者');
    const deleted = follow(projectId, { cookie: person.client.signedInCookie });
    const someoneElse = follow(projectId, { cookie: world.people.resident.client.signedInCookie });
    await untilLive(projectId, [deleted, someoneElse]);

    const data = await onB(
      person.client.signedInCookie!,
      'mutation { viewerDelete(input: { password: "partner-world-password" }) { deleted userErrors { code } } }',
    );
    expect(data.viewerDelete).toEqual({ deleted: true, userErrors: [] });
    await expectEndedWhileOthersKeepGoing(projectId, deleted, someoneElse);
  });

  // Last: it moves `a`'s clock past every session signed in before.
  it('ends the subscription of an expired session, and not that of a session signed in since', async () => {
    const projectId = await createProject(world);
    const old = follow(projectId, { cookie: (await a.signedIn('13800000009')).signedInCookie });
    await untilLive(projectId, [old]);

    a.clock.advance(15 * 86_400_000); // sessions last 14 days
    const fresh = follow(projectId, { cookie: (await a.signedIn('13800000009')).signedInCookie });
    // The changes that bring the new subscription live already end the expired one.
    const before = old.events.length;
    await untilLive(projectId, [fresh]);
    await eventually(() => old.ended, 'the expired subscription to end');
    expect(old.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(old.events).toHaveLength(before);
    const freshBefore = fresh.events.length;
    await change(projectId);
    await eventually(() => fresh.events.length === freshBefore + 1, 'the change reaching the fresh session');
    expect(fresh.errors).toEqual([]);
  });
});
