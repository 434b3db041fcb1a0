/**
 * The subscribers of the fan-out bench: one graphql-ws client (one WebSocket) per subscriber, as each
 * browser tab on a project page has, all in the bench process. Each records when every event arrived.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The portal's live timeline (portal/src/features/projects/project-activity.subscription.graphql with
 * the ProjectTimelineEntry_entry fragment), so each delivery costs the server what a browser's does.
 */
const PROJECT_ACTIVITY = `subscription ProjectActivity($projectId: ID!) {
  projectActivity(projectId: $projectId) { id action at subjectType before after actor { id name } onBehalfOf { id name } } }`;

/** The summary the n-th bench mutation writes; subscribers read n back from the entry's `after`. */
export function eventSummary(n: number): string {
  return `Bench fan-out event #${n}`;
}

function eventNumber(entry: { after?: string | null } | undefined): number | undefined {
  const summary = entry?.after ? (JSON.parse(entry.after) as { summary?: unknown }).summary : undefined;
  const match = typeof summary === 'string' ? /^Bench fan-out event #(\d+)$/.exec(summary) : null;
  return match ? Number(match[1]) : undefined;
}

export interface Fleet {
  /** Per subscriber: event number → arrival time (`performance.now()`). */
  arrivals: Map<number, number>[];
  /** Per subscriber: WebSocket opened → `connection_ack`, ms. */
  connectMs: number[];
  /** Seconds from the first connection opened to the last one acknowledged. */
  openSeconds: number;
  errors: number;
  firstError?: string;
  /** How many subscribers have event `n`. */
  received(n: number): number;
  /** Resolves when every subscriber has event `n`, or after `timeoutMs` (then some missed it). */
  waitFor(n: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

function webSocketWith(cookie: string | undefined) {
  // The session cookie goes in the upgrade request, as a browser sends it.
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

/**
 * Opens one subscriber per cookie (`undefined`: signed out) at `ratePerSecond`, so that the server's
 * connection set-up is spread out and not what the bench measures, and waits for every acknowledgement.
 */
export async function openFleet(options: {
  serverUrl: string;
  projectId: string;
  cookies: readonly (string | undefined)[];
  ratePerSecond: number;
  timeoutMs: number;
}): Promise<Fleet> {
  const url = `${options.serverUrl.replace(/^http/, 'ws')}/graphql`;
  const clients: Client[] = [];
  const unsubscribes: (() => void)[] = [];
  const waiters = new Set<() => void>();
  // Counted on arrival, so that waiting costs O(1) per message: the clients share the bench's one thread.
  const counts = new Map<number, number>();
  let closing = false;
  const fleet: Fleet = {
    arrivals: options.cookies.map(() => new Map()),
    connectMs: [],
    openSeconds: 0,
    errors: 0,
    received: (n) => counts.get(n) ?? 0,
    waitFor: (n, timeoutMs) =>
      new Promise((resolve) => {
        const check = () => {
          if (fleet.received(n) === fleet.arrivals.length) {
            finish();
          }
        };
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(finish, timeoutMs);
        waiters.add(check);
        check();
      }),
    async close() {
      closing = true;
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
  const fail = (error: unknown) => {
    if (!closing) {
      fleet.errors += 1;
      fleet.firstError ??= error instanceof Error ? error.message : JSON.stringify(error);
    }
  };
  const started = performance.now();
  let acknowledged = 0;
  let allAcknowledged: () => void = () => undefined;
  const everyAcknowledgement = new Promise<void>((resolve) => (allAcknowledged = resolve));
  for (const [index, cookie] of options.cookies.entries()) {
    const due = started + (index * 1000) / options.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const opened = performance.now();
    const arrivals = fleet.arrivals[index]!;
    const client = createClient({
      url,
      webSocketImpl: webSocketWith(cookie),
      retryAttempts: 0,
      on: {
        connected: () => {
          fleet.connectMs.push(performance.now() - opened);
          acknowledged += 1;
          if (acknowledged === options.cookies.length) {
            fleet.openSeconds = (performance.now() - started) / 1000;
            allAcknowledged();
          }
        },
        closed: (event) => {
          if ((event as { code?: number }).code !== 1000) {
            fail(`WebSocket closed: ${(event as { code?: number }).code} ${(event as { reason?: string }).reason ?? ''}`);
          }
        },
      },
    });
    clients.push(client);
    unsubscribes.push(
      client.subscribe<{ projectActivity: { after?: string | null } }>(
        { query: PROJECT_ACTIVITY, variables: { projectId: options.projectId } },
        {
          next: (result) => {
            const at = performance.now();
            if (result.errors) {
              fail(result.errors);
              return;
            }
            const n = eventNumber(result.data?.projectActivity);
            if (n !== undefined && !arrivals.has(n)) {
              arrivals.set(n, at);
              counts.set(n, (counts.get(n) ?? 0) + 1);
              waiters.forEach((check) => check());
            }
          },
          error: fail,
          complete: () => fail('the server completed a subscription'),
        },
      ),
    );
  }
  await Promise.race([everyAcknowledgement, new Promise((resolve) => setTimeout(resolve, options.timeoutMs))]);
  if (acknowledged < options.cookies.length) {
    fail(`${options.cookies.length - acknowledged} of ${options.cookies.length} connections were not acknowledged`);
  }
  return fleet;
}
