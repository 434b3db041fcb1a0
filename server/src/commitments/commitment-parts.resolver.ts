import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Person } from '../people/person.entity.js';
import { visiblePerson } from '../projects/visible-person.js';
import { canReadCommitment } from './commitment-access.js';
import { Commitment, CommitmentEvaluation, CommitmentProgress } from './commitment.entity.js';

/** Progress updates and ratings are as visible as their commitment. */
async function readableParent(ctx: Context, part: CommitmentProgress | CommitmentEvaluation): Promise<boolean> {
  const commitment = await ctx.loaders.commitments.byUuid.load(part.commitment.uuid);
  return !!commitment && (await canReadCommitment(ctx, commitment));
}

registerNodeType('CommitmentProgress', {
  load: async (ctx, uuid) => (await ctx.em.findOne(CommitmentProgress, { uuid })) ?? undefined,
  canRead: (ctx, progress) => readableParent(ctx, progress as CommitmentProgress),
});

registerNodeType('CommitmentEvaluation', {
  load: async (ctx, uuid) => (await ctx.em.findOne(CommitmentEvaluation, { uuid })) ?? undefined,
  canRead: (ctx, evaluation) => readableParent(ctx, evaluation as CommitmentEvaluation),
});

@Resolver(() => CommitmentProgress)
export class CommitmentProgressResolver {
  @FieldResolver(() => Date, { description: 'When the update was reported' })
  at(@Root() progress: CommitmentProgress): Date {
    return progress.createdAt;
  }

  @FieldResolver(() => Commitment, { description: 'The commitment' })
  async commitment(@Root() progress: CommitmentProgress, @Ctx() ctx: Context): Promise<Commitment> {
    return (await ctx.loaders.commitments.byUuid.load(progress.commitment.uuid))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who reported it; null when signed out' })
  author(@Root() progress: CommitmentProgress, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, progress.createdBy);
  }
}

@Resolver(() => CommitmentEvaluation)
export class CommitmentEvaluationResolver {
  @FieldResolver(() => Date, { description: 'When the rating was given' })
  at(@Root() evaluation: CommitmentEvaluation): Date {
    return evaluation.createdAt;
  }

  @FieldResolver(() => Commitment, { description: 'The commitment rated' })
  async commitment(@Root() evaluation: CommitmentEvaluation, @Ctx() ctx: Context): Promise<Commitment> {
    return (await ctx.loaders.commitments.byUuid.load(evaluation.commitment.uuid))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who rated it; null when signed out' })
  person(@Root() evaluation: CommitmentEvaluation, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, evaluation.person);
  }
}
