import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../app/clock.js';
import type { Context } from '../app/context.js';
import type { Logger } from '../app/logger.js';
import type { PubSub } from '../common/pubsub/pg-pubsub.js';
import { publishDemandChanges } from './demand-change.js';
import { closeUnratedDemands, escalateOverdueDemands, type SweepScope } from './demand-sweeps.js';
import { RATING_WINDOW_DAYS } from './demand.transitions.js';

/** How often the server closes unrated and escalates overdue tickets by itself. */
export const DEMAND_SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs both sweeps when there is something to sweep. The check is one read-only statement, so the
 * common case (nothing due) costs no transaction; the sweeps themselves re-check every row.
 * Returns the tickets changed (already published).
 */
export async function runDemandSweeps(em: EntityManager, pubSub: PubSub, now: Date, scope?: SweepScope): Promise<string[]> {
  const uuids = scope?.ticketUuids;
  if (uuids && !uuids.length) {
    return [];
  }
  const within = uuids ? ` and t.id in (${uuids.map(() => '?').join(', ')})` : '';
  const [due] = await em.getConnection().execute<{ unrated: boolean; overdue: boolean }[]>(
    `select exists (select 1 from demand_ticket t
                     where t.status = 'RESOLVED' and t.resolved_at <= ?::timestamptz - make_interval(days => ${RATING_WINDOW_DAYS})${within}) as unrated,
            exists (select 1 from demand_ticket t where t.due_at < ? and t.escalated_at is null${within}) as overdue`,
    [now, ...(uuids ?? []), now, ...(uuids ?? [])],
  );
  const changed = [
    ...(due?.unrated ? await closeUnratedDemands(em, now, scope) : []),
    ...(due?.overdue ? await escalateOverdueDemands(em, now, scope) : []),
  ];
  publishDemandChanges(pubSub, changed);
  return changed;
}

/**
 * Applies the sweeps lazily before a request reads tickets, so a reader never sees a ticket that
 * should already be closed or escalated, whether or not the timer has run since.
 */
export async function sweepBeforeRead(ctx: Context, scope?: SweepScope): Promise<void> {
  const changed = await runDemandSweeps(ctx.em, ctx.pubSub, ctx.clock.now(), scope);
  for (const uuid of changed) {
    ctx.loaders.demands.byUuid.clear(uuid);
  }
}

export interface DemandSweeper {
  /** Clears the timer and waits for a sweep in flight, so the pool can close after it. */
  stop(): Promise<void>;
}

/** Runs the sweeps on a timer for the life of the server; an interval of 0 runs none. */
export function startDemandSweeper(options: {
  orm: MikroORM;
  pubSub: PubSub;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}): DemandSweeper {
  const intervalMs = options.intervalMs ?? DEMAND_SWEEP_INTERVAL_MS;
  if (intervalMs <= 0) {
    return { stop: async () => {} };
  }
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    // One sweep at a time per process: a slow database must not pile up overlapping runs.
    if (running) {
      return;
    }
    running = runDemandSweeps(options.orm.em.fork(), options.pubSub, options.clock.now())
      .then((changed) => {
        if (changed.length) {
          options.logger.info({ tickets: changed.length }, 'demand sweep closed or escalated tickets');
        }
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'demand sweep failed'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
