import type { Context } from '../app/context.js';
import { preparedExecute } from '../db/prepared-query.js';
import type { ProjectOfRow } from '../projects/project-access.js';
import { Need } from './need.entity.js';

/** How a change to a need finds the need's project (see `projectInChange`). */
export const PROJECT_OF_NEED: ProjectOfRow = 'select project_id from need where id = ?';

/** The SQL that finds the need of a row (a pledge) by the row's id. */
export type NeedOfRow = `select need_id from ${string} where id = ?`;

/** Open to pledges: not closed, and its deadline (a day in China) not passed. */
export function needIsOpen(need: Need, today: string): boolean {
  return !need.closedAt && (!need.deadline || need.deadline >= today);
}

/**
 * Locks a need's row for the rest of the transaction (`select … for update`). Every change that adds
 * to or checks what is pledged against the need takes this lock first, so concurrent pledges queue
 * up and each one sees the pledges committed before it. `of` finds the need through another row (a
 * pledge) in the same statement; without it `uuid` is the need's own.
 */
export async function lockNeed(tx: Context, uuid: string, of?: NeedOfRow): Promise<Need | null> {
  const [row] = await preparedExecute<Record<string, unknown>>(
    tx.em,
    `select n.* from need n where n.id = ${of ? `(${of})` : '?'} for update of n`,
    [uuid],
  );
  return row ? tx.em.map(Need, row) : null;
}

/**
 * Whether the live pledges of a need (proposed, accepted, fulfilled), with `replacing` left out and
 * `adding` added, would exceed `quantity`. Summed and compared in PostgreSQL `numeric`: exact.
 *
 * Run it as its own statement after `lockNeed`: under READ COMMITTED each statement reads a fresh
 * snapshot, so it sees every pledge committed by the transactions that held the lock before.
 */
export async function wouldExceed(tx: Context, needUuid: string, quantity: string, adding: string, replacing?: string): Promise<boolean> {
  const [row] = await preparedExecute<{ exceeds: boolean }>(
    tx.em,
    `select coalesce(sum(quantity), 0) + ?::numeric > ?::numeric as exceeds from pledge
      where need_id = ? and status in ('PROPOSED', 'ACCEPTED', 'FULFILLED') and id <> ?`,
    [adding, quantity, needUuid, replacing ?? '00000000-0000-0000-0000-000000000000'],
  );
  return row!.exceeds;
}
