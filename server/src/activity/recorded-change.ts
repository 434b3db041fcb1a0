import type { Context } from '../app/context.js';
import { createLoaders } from '../app/loaders.js';
import { DomainError, failMany, ok, type Result } from '../common/errors/result.js';
import type { UserError } from '../common/errors/user-error.js';
import { appendActivity, type ActivityRecord, type AppendedEntry } from './activity.service.js';
import { projectActivityTopic } from './project-activity-topic.js';

/** A live event to send after the commit: a topic and a small payload (ids only: NOTIFY carries 8000 bytes). */
export interface ChangeNotice {
  topic: string;
  payload: Record<string, unknown>;
}

/** What a change produced: its result, the one activity entry that describes it, and who must hear of it. */
export interface RecordedChange<T> {
  value: T;
  activity: ActivityRecord;
  notify?: ChangeNotice[];
}

/** Carries user errors out of the transaction, rolling back whatever the work had written. */
class Rollback extends Error {
  constructor(readonly errors: UserError[]) {
    super('rolled back: user errors');
  }
}

/**
 * `changeProject` for changes that may or may not belong to a project (volunteering, commitments): one
 * transaction, exactly one activity entry, user errors roll everything back. Only after the commit are
 * the entry published to its project's timeline (when it has one) and the change's own notices sent,
 * so no subscriber ever hears of a change that was rolled back.
 *
 * Inside `work`, use only `tx.em` and `tx.loaders` (bound to the transaction), never the request's.
 */
export async function recordedChange<T>(ctx: Context, work: (tx: Context) => Promise<Result<RecordedChange<T>>>): Promise<Result<T>> {
  // The actor is loaded on the request's connection before the transaction takes one.
  await ctx.actor();
  let entry: AppendedEntry | undefined;
  let notices: ChangeNotice[] = [];
  let value: T;
  try {
    value = await ctx.em.transactional(async (em) => {
      const tx: Context = { ...ctx, em, loaders: createLoaders(em) };
      const result = await work(tx);
      if (!result.ok) {
        throw new Rollback(result.errors);
      }
      // The change's rows first: its entry may name one of them (an organisation it created).
      await em.flush();
      entry = await appendActivity(tx, result.value.activity);
      notices = result.value.notify ?? [];
      return result.value.value;
    });
  } catch (error) {
    if (error instanceof Rollback || error instanceof DomainError) {
      return failMany(error.errors);
    }
    throw error;
  }
  if (entry!.projectUuid) {
    ctx.pubSub.publish(projectActivityTopic(entry!.projectUuid), { id: entry!.uuid });
  }
  for (const notice of notices) {
    ctx.pubSub.publish(notice.topic, notice.payload);
  }
  return ok(value);
}
