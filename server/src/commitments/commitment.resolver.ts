import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { connectionFromArray, ConnectionArgs } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { DecimalScalar } from '../common/scalars/index.js';
import { chinaDay } from '../common/time/china-day.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { readableProject } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { visiblePerson } from '../projects/visible-person.js';
import { canReadCommitment, commitmentFacts, readableCommitment } from './commitment-access.js';
import { commitmentEvaluate } from './commitment-evaluation.service.js';
import { listCommitments } from './commitment-list.js';
import { commitmentStatus } from './commitment-status.js';
import { CommitmentConnection, CommitmentEvaluationConnection, CommitmentProgressConnection } from './commitment.connections.js';
import { Commitment, CommitmentEvaluation } from './commitment.entity.js';
import { CommitmentStatus } from './commitment.enums.js';
import {
  CommitmentCreateInput,
  CommitmentEvaluateInput,
  CommitmentFilter,
  CommitmentFulfilInput,
  CommitmentProgressAddInput,
  CommitmentUpdateInput,
} from './commitment.inputs.js';
import {
  CommitmentCreatePayload,
  CommitmentEvaluatePayload,
  CommitmentFulfilPayload,
  CommitmentProgressAddPayload,
  CommitmentUpdatePayload,
} from './commitment.payloads.js';
import { commitmentCreate, commitmentFulfil, commitmentProgressAdd, commitmentUpdate } from './commitment.service.js';

registerNodeType('Commitment', {
  load: (ctx, uuid) => ctx.loaders.commitments.byUuid.load(uuid),
  canRead: (ctx, commitment) => canReadCommitment(ctx, commitment as Commitment),
});

@Resolver(() => Commitment)
export class CommitmentResolver {
  @Query(() => Commitment, { nullable: true, description: 'A commitment by id; null when there is none you may see' })
  async commitment(@Arg('id', () => ID, { description: 'Global id of the commitment' }) id: string, @Ctx() ctx: Context) {
    return (await readableCommitment(ctx, uuidOf(id, 'Commitment'))) ?? null;
  }

  @Query(() => CommitmentConnection, { description: 'Commitments you may see, by due day' })
  commitments(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => CommitmentFilter, { nullable: true, description: 'Conditions the commitments must meet' })
    filter: CommitmentFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listCommitments(ctx, filter, page);
  }

  @Authorized()
  @Mutation(() => CommitmentCreatePayload, {
    description: "Publishes a Party organisation's commitment (承诺), or a party member's personal one",
  })
  async commitmentCreate(
    @Arg('input', () => CommitmentCreateInput, { description: 'The commitment' }) input: CommitmentCreateInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(CommitmentCreatePayload, await commitmentCreate(ctx, input), 'commitment');
  }

  @Authorized()
  @Mutation(() => CommitmentUpdatePayload, { description: 'Edits an unfulfilled commitment (the committing side)' })
  async commitmentUpdate(
    @Arg('id', () => ID, { description: 'The commitment' }) id: string,
    @Arg('input', () => CommitmentUpdateInput, { description: 'The fields to change' }) input: CommitmentUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(CommitmentUpdatePayload, await commitmentUpdate(ctx, id, input), 'commitment');
  }

  @Authorized()
  @Mutation(() => CommitmentProgressAddPayload, {
    description: 'Reports progress on a commitment with evidence (践诺; the committing side)',
  })
  async commitmentProgressAdd(
    @Arg('input', () => CommitmentProgressAddInput, { description: 'The progress update' }) input: CommitmentProgressAddInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(CommitmentProgressAddPayload, await commitmentProgressAdd(ctx, input), 'commitmentProgress');
  }

  @Authorized()
  @Mutation(() => CommitmentFulfilPayload, { description: 'Marks a commitment fulfilled (the committing side)' })
  async commitmentFulfil(
    @Arg('id', () => ID, { description: 'The commitment' }) id: string,
    @Arg('input', () => CommitmentFulfilInput, { nullable: true, description: 'Note and evidence' }) input: CommitmentFulfilInput | null,
    @Ctx() ctx: Context,
  ) {
    return toPayload(CommitmentFulfilPayload, await commitmentFulfil(ctx, id, input), 'commitment');
  }

  @Authorized()
  @Mutation(() => CommitmentEvaluatePayload, {
    description: "Rates a fulfilled commitment (评诺): residents of the organisation's region and council members, once each",
  })
  async commitmentEvaluate(
    @Arg('input', () => CommitmentEvaluateInput, { description: 'The rating' }) input: CommitmentEvaluateInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(CommitmentEvaluatePayload, await commitmentEvaluate(ctx, input), 'commitmentEvaluation');
  }

  @FieldResolver(() => CommitmentStatus, { description: 'Status as of today in China' })
  async status(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<CommitmentStatus> {
    const { count } = await ctx.loaders.commitments.evaluationStats.load(commitment.uuid);
    return commitmentStatus(commitment, count > 0, chinaDay(ctx.clock.now()));
  }

  @FieldResolver(() => Organisation, { description: 'The Party organisation the commitment belongs to' })
  async organisation(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisations.byUuid.load(commitment.organisation.uuid))!;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: "The party member who committed personally; null for the organisation's own commitment, or when signed out",
  })
  person(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, commitment.person);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project it serves, when you may see it' })
  async project(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<Project | null> {
    return commitment.project ? ((await readableProject(ctx, commitment.project.uuid)) ?? null) : null;
  }

  @FieldResolver(() => Need, { nullable: true, description: 'The need of that project it serves, when you may see the project' })
  async need(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<Need | null> {
    if (!commitment.need || !commitment.project || !(await readableProject(ctx, commitment.project.uuid))) {
      return null;
    }
    return (await ctx.loaders.needs.byUuid.load(commitment.need.uuid)) ?? null;
  }

  @FieldResolver(() => CommitmentProgressConnection, { description: 'Progress updates (践诺), oldest first' })
  async progress(@Root() commitment: Commitment, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return connectionFromArray(await ctx.loaders.commitments.progressByCommitment.load(commitment.uuid), page, (progress) => progress.id);
  }

  @FieldResolver(() => CommitmentEvaluationConnection, { description: 'Ratings (评诺), newest first' })
  async evaluations(@Root() commitment: Commitment, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: Context) {
    return connectionFromArray(
      await ctx.loaders.commitments.evaluationsByCommitment.load(commitment.uuid),
      page,
      (evaluation) => evaluation.id,
    );
  }

  @FieldResolver(() => Int, { description: 'Number of ratings' })
  async evaluationCount(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.commitments.evaluationStats.load(commitment.uuid)).count;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Mean score (1–5) with 2 decimals; null without ratings' })
  async averageScore(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.commitments.evaluationStats.load(commitment.uuid)).average;
  }

  @FieldResolver(() => CommitmentEvaluation, { nullable: true, description: 'Your rating, if you gave one' })
  async viewerEvaluation(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<CommitmentEvaluation | null> {
    const evaluations = ctx.auth ? await ctx.loaders.commitments.evaluationsByCommitment.load(commitment.uuid) : [];
    return evaluations.find((evaluation) => evaluation.person.uuid === ctx.auth?.personUuid) ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Indicates whether you may edit it, report progress and mark it fulfilled (the committing side, while unfulfilled)',
  })
  async viewerCanUpdate(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<boolean> {
    return !commitment.fulfilledAt && can(await ctx.actor(), 'commitment.manage', await commitmentFacts(ctx, commitment));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Indicates whether you may rate it now: fulfilled, you live in its region or sit on its council, and have not rated it yet',
  })
  async viewerCanEvaluate(@Root() commitment: Commitment, @Ctx() ctx: Context): Promise<boolean> {
    if (!commitment.fulfilledAt || !ctx.auth || (await this.viewerEvaluation(commitment, ctx))) {
      return false;
    }
    return can(await ctx.actor(), 'commitment.evaluate', await commitmentFacts(ctx, commitment));
  }
}
