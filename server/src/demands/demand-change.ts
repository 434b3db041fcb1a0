import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { createLoaders } from '../app/loaders.js';
import { DomainError, fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { userError, type UserError } from '../common/errors/user-error.js';
import type { PubSub } from '../common/pubsub/pg-pubsub.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import type { Actor } from '../policy/actor.js';
import type { DemandFacts } from '../policy/policy.js';
import { DemandEvent } from './demand-event.entity.js';
import { DemandTicket } from './demand-ticket.entity.js';
import type { DemandEventAction, DemandRating } from './demand.enums.js';
import { demandFacts } from './demand.facts.js';
import { canStart, transitionMessage, type DemandCommand } from './demand.transitions.js';

/** The LISTEN/NOTIFY topic a ticket's followers subscribe to. */
export function demandTopic(ticketUuid: string): string {
  return `demandUpdated:${ticketUuid}`;
}

/** Tells every server process that these tickets changed; call only after the commit. */
export function publishDemandChanges(pubSub: PubSub, ticketUuids: Iterable<string>): void {
  for (const uuid of new Set(ticketUuids)) {
    pubSub.publish(demandTopic(uuid), { uuid });
  }
}

/** One step of a ticket's handling, as the timeline and the activity log record it. */
export interface DemandStep {
  action: DemandEventAction;
  /** The activity log's name of the step, e.g. `demand.dispatched`. */
  activity: string;
  note?: string | null;
  evidenceUrls?: string[];
  rating?: DemandRating | null;
  /** The organisation the actor acted for, if any. */
  onBehalfOfUuid?: string | null;
  /** Other tickets the step changed (a merge target), whose followers must hear of it too. */
  alsoChanged?: string[];
}

/** Appends an event to a ticket's timeline only (no activity entry), in the caller's unit of work. */
export function appendEvent(
  tx: Pick<Context, 'em' | 'auth' | 'clock'>,
  ticket: DemandTicket,
  step: Pick<DemandStep, 'action' | 'note' | 'evidenceUrls' | 'rating' | 'onBehalfOfUuid'>,
): void {
  const at = tx.clock.now();
  ticket.updatedAt = at;
  tx.em.create(DemandEvent, {
    ticket,
    actor: tx.auth?.personUuid ? tx.em.getReference(Person, tx.auth.personUuid) : null,
    organisation: step.onBehalfOfUuid ? tx.em.getReference(Organisation, step.onBehalfOfUuid) : null,
    action: step.action,
    status: ticket.status,
    round: ticket.round,
    note: step.note ?? null,
    evidenceUrls: step.evidenceUrls ?? [],
    rating: step.rating ?? null,
    createdAt: at,
  });
}

/** Appends the step to the ticket's timeline and to the activity log, in the caller's unit of work. */
export function appendStep(tx: Pick<Context, 'em' | 'auth' | 'clock'>, ticket: DemandTicket, step: DemandStep): void {
  appendEvent(tx, ticket, step);
  recordActivity(tx, {
    action: step.activity,
    subjectType: 'DemandTicket',
    subjectUuid: ticket.uuid,
    onBehalfOfUuid: step.onBehalfOfUuid ?? null,
    // Never personal data here: the log is read more widely than the ticket's contact fields.
    after: {
      status: ticket.status,
      round: ticket.round,
      assignedOrganisationId: ticket.assignedOrganisation ? toGlobalId('Organisation', ticket.assignedOrganisation.uuid) : null,
      note: step.note ?? null,
    },
  });
}

/** Carries user errors out of the transaction, rolling back whatever the step had written. */
class Rollback extends Error {
  constructor(readonly errors: UserError[]) {
    super('rolled back: user errors');
  }
}

export interface DemandDecision {
  /** The transaction's context: its EntityManager and loaders are bound to the transaction. */
  tx: Context;
  ticket: DemandTicket;
  facts: DemandFacts;
  actor: Actor;
  now: Date;
}

/**
 * Runs one command on an existing ticket: locks the row, refuses a command the status does not allow
 * (INVALID_STATE_TRANSITION) or the policy does not (FORBIDDEN, via `decide`), applies the change,
 * appends exactly one timeline event and one activity entry, commits, and only then notifies the
 * ticket's followers. User errors roll everything back.
 */
export async function changeDemand(
  ctx: Context,
  id: string,
  command: DemandCommand,
  decide: (decision: DemandDecision) => Promise<Result<DemandStep>>,
): Promise<Result<DemandTicket>> {
  const uuid = uuidOf(id, 'DemandTicket');
  const actor = await ctx.actor();
  if (!uuid || !actor) {
    return fail(UserErrorCode.NOT_FOUND, 'No such demand ticket', ['id']);
  }
  let changed: string[] = [];
  let ticket: DemandTicket;
  try {
    ticket = await ctx.em.transactional(async (em: EntityManager) => {
      const tx: Context = { ...ctx, em, loaders: createLoaders(em) };
      const locked = await em.findOne(DemandTicket, { uuid }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!locked) {
        throw new Rollback([userError(UserErrorCode.NOT_FOUND, 'No such demand ticket', ['id'])]);
      }
      if (!canStart(command, locked.status)) {
        throw new Rollback([userError(UserErrorCode.INVALID_STATE_TRANSITION, transitionMessage(command, locked.status))]);
      }
      const now = ctx.clock.now();
      const result = await decide({ tx, ticket: locked, facts: await demandFacts(tx, locked), actor, now });
      if (!result.ok) {
        throw new Rollback(result.errors);
      }
      appendStep(tx, locked, result.value);
      changed = [locked.uuid, ...(result.value.alsoChanged ?? [])];
      return locked;
    });
  } catch (error) {
    if (error instanceof Rollback || error instanceof DomainError) {
      return failMany(error.errors);
    }
    throw error;
  }
  ctx.loaders.demands.byUuid.clear(ticket.uuid);
  publishDemandChanges(ctx.pubSub, changed);
  return ok(ticket);
}
