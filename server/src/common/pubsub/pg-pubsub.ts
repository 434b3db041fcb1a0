import { createPubSub } from '@graphql-yoga/subscription';
import pg from 'pg';
import type { Logger } from '../../app/logger.js';

/**
 * Live events cross server processes through PostgreSQL LISTEN/NOTIFY: a mutation on one replica
 * reaches subscribers on every replica sharing the database. Payloads carry ids only (NOTIFY allows
 * 8000 bytes); subscription resolvers reload what they show, with the subscriber's read rights.
 */
class PgEventTarget extends EventTarget {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly listener: pg.Client,
    private readonly publisher: pg.Pool,
    private readonly logger: Logger,
  ) {
    super();
    listener.on('notification', (message) => {
      if (!message.payload) {
        return;
      }
      try {
        super.dispatchEvent(new CustomEvent(message.channel, { detail: JSON.parse(message.payload) }));
      } catch (error) {
        this.logger.warn({ err: error, channel: message.channel }, 'dropped a malformed notification');
      }
    });
  }

  override addEventListener(...[type, callback, options]: Parameters<EventTarget['addEventListener']>): void {
    super.addEventListener(type, callback, options);
    const count = (this.counts.get(type) ?? 0) + 1;
    this.counts.set(type, count);
    if (count === 1) {
      this.listener
        .query(`LISTEN ${this.listener.escapeIdentifier(type)}`)
        .catch((error: unknown) => this.logger.error({ err: error }, 'LISTEN failed'));
    }
  }

  override removeEventListener(...[type, callback, options]: Parameters<EventTarget['removeEventListener']>): void {
    super.removeEventListener(type, callback, options);
    const count = (this.counts.get(type) ?? 1) - 1;
    if (count <= 0) {
      this.counts.delete(type);
      this.listener.query(`UNLISTEN ${this.listener.escapeIdentifier(type)}`).catch(() => undefined);
    } else {
      this.counts.set(type, count);
    }
  }

  override dispatchEvent(event: Event): boolean {
    const detail = (event as CustomEvent).detail;
    this.publisher.query('select pg_notify($1, $2)', [event.type, JSON.stringify(detail ?? null)]).catch((error: unknown) => {
      this.logger.error({ err: error, channel: event.type }, 'NOTIFY failed');
    });
    return true;
  }
}

/** Topics and their payloads; each feature adds its own. */
export interface PubSubTopics {
  [topic: string]: [payload: Record<string, unknown>];
}

export type PubSub = ReturnType<typeof createPubSub<PubSubTopics>>;

export interface PgPubSub {
  pubSub: PubSub;
  close(): Promise<void>;
}

export async function createPgPubSub(url: string, logger: Logger): Promise<PgPubSub> {
  const listener = new pg.Client({ connectionString: url });
  listener.on('error', (error) => logger.error({ err: error }, 'pub/sub listener connection failed'));
  await listener.connect();
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  publisher.on('error', (error) => logger.error({ err: error }, 'pub/sub publisher connection failed'));
  const pubSub = createPubSub<PubSubTopics>({ eventTarget: new PgEventTarget(listener, publisher, logger) as never });
  return {
    pubSub,
    async close() {
      await Promise.allSettled([listener.end(), publisher.end()]);
    },
  };
}
