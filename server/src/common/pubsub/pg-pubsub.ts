import { setMaxListeners } from 'node:events';
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
  private commands: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly listener: pg.Client,
    private readonly publisher: pg.Pool,
    private readonly logger: Logger,
  ) {
    super();
    // Every subscription adds a listener to its topic, and a project followed by a thousand people has a
    // thousand: that is the design, not a leak. Node's warning (above 10 per topic) is switched off here.
    setMaxListeners(0, this);
    // One payload object per notification, handed to every local subscriber of the channel: subscribers
    // of one event recognise each other by it and share its loading (`activity/event-context.ts`).
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
      this.command(`LISTEN ${this.listener.escapeIdentifier(type)}`, (error) => this.logger.error({ err: error }, 'LISTEN failed'));
    }
  }

  override removeEventListener(...[type, callback, options]: Parameters<EventTarget['removeEventListener']>): void {
    super.removeEventListener(type, callback, options);
    const count = (this.counts.get(type) ?? 1) - 1;
    if (count <= 0) {
      this.counts.delete(type);
      this.command(`UNLISTEN ${this.listener.escapeIdentifier(type)}`, () => undefined);
    } else {
      this.counts.set(type, count);
    }
  }

  /**
   * LISTEN and UNLISTEN one after the other, in the order asked: many subscriptions of different topics
   * start or end at once, and pg 8 warns about (pg 9 refuses) a query on a client still busy with one.
   */
  private command(sql: string, onError: (error: unknown) => void): void {
    this.commands = this.commands.then(() => this.listener.query(sql)).catch(onError);
  }

  override dispatchEvent(event: Event): boolean {
    const detail = (event as CustomEvent).detail;
    this.publisher.query('select pg_notify($1, $2)', notification(event.type, detail)).catch((error: unknown) => {
      this.logger.error({ err: error, channel: event.type }, 'NOTIFY failed');
    });
    return true;
  }
}

/**
 * A live event as PostgreSQL carries it: the channel is the topic, the payload its JSON. A change may
 * also send its events itself, with `pg_notify` inside its transaction (`appendActivity`): PostgreSQL
 * then delivers them when the transaction commits, and never when it rolls back.
 */
export function notification(topic: string, payload: unknown): [channel: string, payload: string] {
  return [topic, JSON.stringify(payload ?? null)];
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
