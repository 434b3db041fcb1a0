/**
 * Subscription fan-out (issue #7, item 5): many WebSocket subscribers follow one project's live timeline
 * (`projectActivity`); a coordinator of the project changes it over HTTP (`projectUpdate`, which writes
 * one activity entry), several times with pauses in between; for each change, the time from sending the
 * mutation to the first and to the last subscriber receiving its entry, and whether anyone missed it.
 *
 * It writes (sessions, the project's summary, activity entries), so it runs on a copy of the database
 * that the harness makes before the read servers start, with a Gongzhi process of its own: the reads and
 * the correctness gate never see its changes, and the server's memory is that of the subscribers alone.
 */
import http from 'node:http';
import path from 'node:path';
import { createLogger, loadConfig, startGongzhi } from '@gongzhi/server';
import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { eventSummary, openFleet, type Fleet } from './fanout-subscribers.js';
import { percentile, post } from './loadgen.js';
import { cpuDelta, cpuSnapshot, peakRssMiB, rssMiB, startGongzhiProcess } from './processes.js';
import { connect, REPO_ROOT } from './support/database.js';
import { issueSessions } from './support/sessions.js';

export interface FanoutOptions {
  subscribers: number;
  /** Measured events (changes), after the warm-up ones. */
  events: number;
  /** Connections opened per second: modest, so that connection set-up is not what is measured. */
  openRate: number;
  /** Pause after an event has reached everyone, before the next change. */
  spacingMs: number;
  /** How long an event may take to reach everyone; whoever has not got it by then missed it. */
  timeoutMs: number;
}

export const FANOUT_FULL: FanoutOptions = { subscribers: 1000, events: 20, openRate: 50, spacingMs: 500, timeoutMs: 30_000 };
export const FANOUT_QUICK: FanoutOptions = { subscribers: 20, events: 3, openRate: 200, spacingMs: 50, timeoutMs: 10_000 };

export interface FanoutEvent {
  /** Sending the mutation → its HTTP answer, ms. */
  mutationMs: number;
  /** Sending the mutation → the first and the last subscriber receiving the entry, ms. */
  firstMs: number;
  lastMs: number;
  delivered: number;
}

export interface FanoutResult {
  options: FanoutOptions;
  project: string;
  /** Every subscriber is signed in as a different person (see `runFanout`). */
  signedIn: boolean;
  setup: {
    /** First connection opened → last `connection_ack`. */
    openSeconds: number;
    connectP50Ms: number;
    connectP99Ms: number;
    /** First connection opened → a probe event reached every subscriber (all subscriptions live). */
    liveSeconds: number;
    /** Server CPU per subscriber while opening (connection, authentication, `project.read`, the subscription). */
    nodeCpuMsPerSubscriber: number;
  };
  events: FanoutEvent[];
  firstP50Ms: number;
  lastP50Ms: number;
  lastP99Ms: number;
  lastMaxMs: number;
  mutationP50Ms: number;
  /** Deliveries that did not happen within `timeoutMs`, summed over the measured events; must be 0. */
  missed: number;
  errors: number;
  firstError?: string;
  nodeCpuMsPerEvent: number;
  pgCpuMsPerEvent: number | null;
  /** The bench process's own CPU per event: the subscribers' clients share its one thread. */
  clientCpuMsPerEvent: number;
  /** SQL statements the server runs per subscriber and event (counted in-process: slope from 3 to 12 subscribers). */
  sqlPerSubscriberPerEvent: number;
  /** SQL statements per event run once per process whatever the number of subscribers (same count). */
  sqlSharedPerEvent: number;
  rssMiB: { idle: number; withSubscribers: number; afterEvents: number; peak: number };
  command: string;
}

interface Cast {
  projectId: string;
  coordinatorCookie: string;
  subscriberCookies: string[];
}

/**
 * The project and the people: the first ACTIVE project (by id) whose lead organisation has a
 * COORDINATOR, that coordinator to change it, and as many other people as there are subscribers, each
 * signed in. The project is public, so `projectActivity` (policy `project.read`) needs no sign-in; but
 * the people who follow a project live are mostly its participants, signed in, and a signed-in
 * subscriber costs the server more per event (its actor and the entry's actor are loaded), so this is
 * the conservative case.
 */
async function castFor(databaseUrl: string, subscribers: number): Promise<Cast> {
  const client = await connect(databaseUrl);
  try {
    const found = await client.query<{ project: string; coordinator: string }>(
      `select p.id as project, m.person_id as coordinator from project p
         join membership m on m.organisation_id = p.lead_organisation_id and m.role = 'COORDINATOR'
         join person c on c.id = m.person_id and c.deleted_at is null
        where p.status = 'ACTIVE' order by p.id, m.person_id limit 1`,
    );
    const picked = found.rows[0];
    if (!picked) {
      throw new Error('fan-out: the data set has no ACTIVE project with a coordinator');
    }
    const people = (
      await client.query<{ id: string }>(`select id from person where deleted_at is null and id <> $1 order by id limit $2`, [
        picked.coordinator,
        subscribers,
      ])
    ).rows.map((row) => row.id);
    if (!people.length) {
      throw new Error('fan-out: the data set has no people to subscribe');
    }
    // A small data set has fewer people than subscribers: some then follow from two tabs.
    const followers = Array.from({ length: subscribers }, (_, index) => people[index % people.length]!);
    const [coordinatorCookie, ...subscriberCookies] = await issueSessions(client, [picked.coordinator, ...followers]);
    return {
      projectId: toGlobalId('Project', picked.project),
      coordinatorCookie: coordinatorCookie!,
      subscriberCookies,
    };
  } finally {
    await client.end();
  }
}

const PROJECT_UPDATE = `mutation FanoutEvent($id: ID!, $summary: String!) {
  projectUpdate(id: $id, input: { summary: $summary }) { project { id } userErrors { code message } } }`;

/** One change of the project over HTTP; resolves with its response time, or throws what went wrong. */
async function change(agent: http.Agent, serverUrl: string, cast: Cast, n: number): Promise<number> {
  const sent = performance.now();
  const { status, body } = await post(
    agent,
    new URL(`${serverUrl}/graphql`),
    JSON.stringify({ query: PROJECT_UPDATE, variables: { id: cast.projectId, summary: eventSummary(n) } }),
    { cookie: cast.coordinatorCookie },
  );
  const ms = performance.now() - sent;
  const parsed = status === 200 ? JSON.parse(body) : undefined;
  if (!parsed || parsed.errors || parsed.data.projectUpdate.userErrors.length) {
    throw new Error(`projectUpdate answered ${status}: ${body.slice(0, 300)}`);
  }
  return ms;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Changes the project until one event reaches every subscriber: graphql-ws does not acknowledge a
 * subscription, and one that is still being set up (authenticating, checking `project.read`) would
 * miss an event. False when ten tries did not get there.
 */
async function untilLive(fleet: Fleet, send: () => Promise<number>, timeoutMs: number): Promise<boolean> {
  for (let probe = 0; probe < 10; probe += 1) {
    const n = await send();
    await fleet.waitFor(n, timeoutMs);
    if (fleet.received(n) === fleet.arrivals.length) {
      return true;
    }
  }
  return false;
}

/** SQL statements of one event, split into what the event costs once per process and what each subscriber adds. */
export interface EventStatements {
  /** Added by each further subscriber (the slope between the two fleets). */
  perSubscriber: number;
  /** Run once per event and process whatever the number of subscribers (the rest). */
  shared: number;
}

/**
 * SQL statements per event, counted in-process with `onQuery` (as the harness counts the reads'): the
 * same change with nobody subscribed, then with 3 and with 12 signed-in subscribers. The difference
 * between the two fleets is what each subscriber costs; the rest is the event's shared loading.
 */
async function countStatements(databaseUrl: string, cast: Cast, next: () => number, timeoutMs: number): Promise<EventStatements> {
  let count = 0;
  const config = loadConfig(
    { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', DEMAND_SWEEP_INTERVAL_MS: '0' },
    { dataDir: '', portalDir: path.join(REPO_ROOT, 'portal/dist') },
  );
  const app = await startGongzhi({ config, logger: createLogger('silent'), onQuery: () => (count += 1) });
  const agent = new http.Agent({ keepAlive: true });
  const settled = () => sleep(300);
  const probe = async () => {
    const n = next();
    await change(agent, app.url, cast, n);
    return n;
  };
  try {
    await change(agent, app.url, cast, next()); // warm-up
    await settled();
    count = 0;
    await change(agent, app.url, cast, next());
    await settled();
    const alone = count;
    /** Statements of one change with these subscribers, beyond the change's own. */
    const withFleet = async (cookies: string[]): Promise<number> => {
      const fleet = await openFleet({ serverUrl: app.url, projectId: cast.projectId, cookies, ratePerSecond: 100, timeoutMs });
      try {
        if (!(await untilLive(fleet, probe, timeoutMs))) {
          throw new Error('fan-out: the statement count subscribers never went live');
        }
        await settled();
        count = 0;
        const n = next();
        await change(agent, app.url, cast, n);
        await fleet.waitFor(n, timeoutMs);
        await settled();
        return count - alone;
      } finally {
        await fleet.close();
      }
    };
    const [few, many] = [3, Math.min(12, cast.subscriberCookies.length)];
    const withFew = await withFleet(cast.subscriberCookies.slice(0, few));
    const withMany = await withFleet(cast.subscriberCookies.slice(0, many));
    const perSubscriber = many > few ? (withMany - withFew) / (many - few) : withFew / few;
    return { perSubscriber, shared: withFew - few * perSubscriber };
  } finally {
    agent.destroy();
    await app.stop();
  }
}

function measured(fleet: Fleet, n: number, sent: number, mutationMs: number): FanoutEvent {
  const arrivals = fleet.arrivals.map((byEvent) => byEvent.get(n)).filter((at): at is number => at !== undefined);
  return {
    mutationMs,
    firstMs: arrivals.length ? Math.min(...arrivals) - sent : NaN,
    lastMs: arrivals.length ? Math.max(...arrivals) - sent : NaN,
    delivered: arrivals.length,
  };
}

/**
 * Runs the fan-out section on `databaseUrl`, a copy of the bench database (it writes). `pgPids` lists
 * the PostgreSQL processes whose CPU counts (empty when the database is not the bench's own cluster).
 */
export async function runFanout(input: {
  databaseUrl: string;
  pgPids: () => number[];
  options: FanoutOptions;
  log: (line: string) => void;
}): Promise<FanoutResult> {
  const { databaseUrl, options, log } = input;
  const cast = await castFor(databaseUrl, options.subscribers);
  let counter = 0;
  const next = () => (counter += 1);
  const statements = await countStatements(databaseUrl, cast, next, options.timeoutMs);
  log(
    `fan-out: ${statements.perSubscriber.toFixed(1)} SQL statements per subscriber and event, ` +
      `${statements.shared.toFixed(1)} per event shared by all (in-process count)`,
  );
  // Every subscriber connects from 127.0.0.1: above the per-address default of 500.
  const server = await startGongzhiProcess(databaseUrl, { WS_MAX_CONNECTIONS_PER_ADDRESS: '100000' });
  const agent = new http.Agent({ keepAlive: true });
  let fleet: Fleet | undefined;
  try {
    const serverUrl = server.url.replace(/\/graphql$/, '');
    await change(agent, serverUrl, cast, next()); // warms the mutation path
    const idle = rssMiB(server.pid);
    const send = async () => {
      const n = next();
      await change(agent, serverUrl, cast, n);
      return n;
    };
    const opening = performance.now();
    const setupCpu = cpuSnapshot([server.pid]);
    fleet = await openFleet({
      serverUrl,
      projectId: cast.projectId,
      cookies: cast.subscriberCookies,
      ratePerSecond: options.openRate,
      timeoutMs: options.timeoutMs,
    });
    // The last subscriptions are set up just after their acknowledgement; a second covers that, then the CPU is read.
    await sleep(1000);
    const nodeCpuMsPerSubscriber = cpuDelta(setupCpu, cpuSnapshot([server.pid])) / options.subscribers;
    if (!(await untilLive(fleet, send, options.timeoutMs))) {
      throw new Error(`fan-out: not every subscription went live (${fleet.errors} errors; ${fleet.firstError ?? 'no error'})`);
    }
    const liveSeconds = (performance.now() - opening) / 1000;
    log(
      `fan-out: ${options.subscribers} subscribers connected in ${fleet.openSeconds.toFixed(1)} s (at ${options.openRate}/s, ` +
        `${nodeCpuMsPerSubscriber.toFixed(1)} ms server CPU each), all live after ${liveSeconds.toFixed(1)} s`,
    );
    await fleet.waitFor(await send(), options.timeoutMs); // one more warm-up event, not measured
    await sleep(options.spacingMs);
    const withSubscribers = rssMiB(server.pid);
    const events: FanoutEvent[] = [];
    const [node0, pg0, client0] = [cpuSnapshot([server.pid]), cpuSnapshot(input.pgPids()), process.cpuUsage()];
    for (let index = 0; index < options.events; index += 1) {
      if (index > 0) {
        await sleep(options.spacingMs);
      }
      const n = next();
      const sent = performance.now();
      let mutationMs = NaN;
      try {
        mutationMs = await change(agent, serverUrl, cast, n);
        await fleet.waitFor(n, options.timeoutMs);
      } catch (error) {
        fleet.errors += 1;
        fleet.firstError ??= String(error);
      }
      const event = measured(fleet, n, sent, mutationMs);
      events.push(event);
      log(
        `fan-out event ${index + 1}/${options.events}: first ${event.firstMs.toFixed(1)} ms, last ${event.lastMs.toFixed(1)} ms, ` +
          `delivered ${event.delivered}/${options.subscribers} (mutation ${mutationMs.toFixed(1)} ms)`,
      );
    }
    const [node1, pg1, client1] = [cpuSnapshot([server.pid]), cpuSnapshot(input.pgPids()), process.cpuUsage(client0)];
    const pgPids = input.pgPids();
    const lasts = events.map((event) => event.lastMs);
    return {
      options,
      project: cast.projectId,
      signedIn: true,
      setup: {
        openSeconds: fleet.openSeconds,
        connectP50Ms: percentile(fleet.connectMs, 50),
        connectP99Ms: percentile(fleet.connectMs, 99),
        liveSeconds,
        nodeCpuMsPerSubscriber,
      },
      events,
      firstP50Ms: percentile(
        events.map((event) => event.firstMs),
        50,
      ),
      lastP50Ms: percentile(lasts, 50),
      lastP99Ms: percentile(lasts, 99),
      lastMaxMs: Math.max(...lasts),
      mutationP50Ms: percentile(
        events.map((event) => event.mutationMs),
        50,
      ),
      missed: events.reduce((sum, event) => sum + options.subscribers - event.delivered, 0),
      errors: fleet.errors,
      ...(fleet.firstError ? { firstError: fleet.firstError } : {}),
      nodeCpuMsPerEvent: cpuDelta(node0, node1) / options.events,
      pgCpuMsPerEvent: pgPids.length ? cpuDelta(pg0, pg1) / options.events : null,
      clientCpuMsPerEvent: (client1.user + client1.system) / 1000 / options.events,
      sqlPerSubscriberPerEvent: statements.perSubscriber,
      sqlSharedPerEvent: statements.shared,
      rssMiB: { idle, withSubscribers, afterEvents: rssMiB(server.pid), peak: peakRssMiB(server.pid) },
      command: server.command,
    };
  } finally {
    await fleet?.close();
    agent.destroy();
    await server.stop();
  }
}

const f = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

/** The section's Markdown lines for the report. */
export function fanoutMarkdown(result: FanoutResult): string[] {
  const { options, setup, rssMiB: rss } = result;
  const perSubscriberKiB = ((rss.withSubscribers - rss.idle) * 1024) / options.subscribers;
  return [
    `Subscription fan-out (\`projectActivity\` on one ACTIVE project, ${options.subscribers.toLocaleString('en')} WebSocket subscribers each signed in as a different person, ` +
      `${options.events} \`projectUpdate\` changes over HTTP ${options.spacingMs} ms apart; its own Gongzhi process over a copy of the database; ` +
      `the subscribers' clients run in the bench process on the same machine, so they share its CPU with the server and PostgreSQL):`,
    '',
    '| subscribers | last delivery p50 ms | last delivery p99 ms | first delivery p50 ms | mutation p50 ms | missed | errors | Node CPU ms/event | PG CPU ms/event | client CPU ms/event | SQL/subscriber/event | SQL shared/event |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| ${options.subscribers.toLocaleString('en')} | ${f(result.lastP50Ms)} | ${f(result.lastP99Ms)} | ${f(result.firstP50Ms)} | ${f(result.mutationP50Ms)} | ` +
      `${result.missed} | ${result.errors} | ${f(result.nodeCpuMsPerEvent)} | ${f(result.pgCpuMsPerEvent)} | ${f(result.clientCpuMsPerEvent)} | ${f(result.sqlPerSubscriberPerEvent)} | ${f(result.sqlSharedPerEvent)} |`,
    '',
    `Set-up: ${options.subscribers.toLocaleString('en')} connections opened at ${options.openRate}/s, all acknowledged after ${f(setup.openSeconds)} s ` +
      `(connect → \`connection_ack\` p50 ${f(setup.connectP50Ms)} ms, p99 ${f(setup.connectP99Ms)} ms; ${f(setup.nodeCpuMsPerSubscriber)} ms server CPU per subscriber), ` +
      `every subscription live after ${f(setup.liveSeconds)} s. ` +
      `Server RSS: ${f(rss.idle, 0)} MiB idle, ${f(rss.withSubscribers, 0)} MiB with the subscribers open (≈ ${f(perSubscriberKiB, 0)} KiB each), ` +
      `${f(rss.afterEvents, 0)} MiB after the events, peak ${f(rss.peak, 0)} MiB. Over ${options.events} events, p99 is the slowest one.`,
  ];
}
