import { LockMode } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { lockNeed } from '../needs/need-ledger.js';
import type { PledgeFacts } from '../policy/policy.js';
import { projectInChange } from '../projects/project-access.js';
import { Pledge } from './pledge.entity.js';

export function pledgeSnapshot(pledge: Pledge): Record<string, unknown> {
  return {
    quantity: pledge.quantity,
    status: pledge.status,
    note: pledge.note ?? null,
    responseNote: pledge.responseNote ?? null,
  };
}

/**
 * Loads a pledge for a change with its project, need and facts, locking in the order every change
 * follows (project, then need, then pledge) so concurrent changes queue instead of deadlocking.
 * Undefined when unknown or not visible to the caller.
 */
export async function pledgeInChange(tx: Context, uuid: string | undefined) {
  const found = await projectInChange(tx, uuid, 'share', 'select project_id from pledge where id = ?');
  if (!found) {
    return undefined;
  }
  const need = (await lockNeed(tx, uuid!, 'select need_id from pledge where id = ?'))!;
  const pledge = (await tx.em.findOne(Pledge, { uuid }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
  const facts: PledgeFacts = { project: found.facts, pledgerUuid: pledge.organisation.uuid };
  return { ...found, need, pledge, pledgeFacts: facts };
}

export function pledgeUuid(id: string): string | undefined {
  return uuidOf(id, 'Pledge');
}
