import { LockMode } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import type { Actor } from '../policy/actor.js';
import { can, type CommitmentFacts, type ViewerPlaces } from '../policy/policy.js';
import { Commitment } from './commitment.entity.js';
import { CommitmentVisibility } from './commitment.enums.js';
import { NOWHERE } from './commitment.loaders.js';

/** The viewer's places in the region tree (residence, committees, councils); nowhere when signed out. */
export async function viewerPlaces(ctx: Context): Promise<ViewerPlaces> {
  return ctx.auth ? ctx.loaders.commitments.viewerPlaces.load(ctx.auth.personUuid) : NOWHERE;
}

/** What the policy needs to know about a commitment, through the loaders (batched over a page). */
export async function commitmentFacts(ctx: Context, commitment: Commitment): Promise<CommitmentFacts> {
  const [regionPath, viewer] = await Promise.all([
    ctx.loaders.commitments.organisationRegionPath.load(commitment.organisation.uuid),
    viewerPlaces(ctx),
  ]);
  return {
    organisationUuid: commitment.organisation.uuid,
    regionPath,
    personUuid: commitment.person?.uuid ?? null,
    internal: commitment.visibility === CommitmentVisibility.INTERNAL,
    viewer,
  };
}

/** Public commitments for everyone, signed in or not; INTERNAL ones per `commitment.read`. */
export async function canReadCommitment(ctx: Context, commitment: Commitment): Promise<boolean> {
  if (commitment.visibility === CommitmentVisibility.PUBLIC) {
    return true;
  }
  return can(await ctx.actor(), 'commitment.read', await commitmentFacts(ctx, commitment));
}

export async function readableCommitment(ctx: Context, uuid: string | undefined): Promise<Commitment | undefined> {
  const commitment = uuid ? await ctx.loaders.commitments.byUuid.load(uuid) : undefined;
  return commitment && (await canReadCommitment(ctx, commitment)) ? commitment : undefined;
}

export interface CommitmentInChange {
  commitment: Commitment;
  facts: CommitmentFacts;
  actor: Actor | undefined;
}

/**
 * Inside a change: the commitment, its row locked `for update` (fulfilment, progress and ratings of one
 * commitment queue up), with its facts and the actor; undefined when there is none the caller may see.
 */
export async function commitmentInChange(tx: Context, uuid: string | undefined): Promise<CommitmentInChange | undefined> {
  const commitment = uuid ? await tx.em.findOne(Commitment, { uuid }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!commitment) {
    return undefined;
  }
  const [facts, actor] = await Promise.all([commitmentFacts(tx, commitment), tx.actor()]);
  return !facts.internal || can(actor, 'commitment.read', facts) ? { commitment, facts, actor } : undefined;
}
