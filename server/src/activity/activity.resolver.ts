import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toGlobalId } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { canRead } from '../projects/project-access.js';
import { Project } from '../projects/project.entity.js';
import { visiblePerson } from '../projects/visible-person.js';
import { ActivityEntry } from './activity-entry.entity.js';
import { projectActivityStream } from './project-activity.js';

async function readableProjectOf(ctx: Context, entry: ActivityEntry): Promise<Project | null> {
  const project = entry.projectUuid ? await ctx.loaders.projects.byUuid.load(entry.projectUuid) : undefined;
  return project && (await canRead(ctx, project)) ? project : null;
}

// A project's entries are as visible as the project; other entries only to the person who acted.
registerNodeType('ActivityEntry', {
  load: async (ctx, uuid) => (await ctx.em.findOne(ActivityEntry, { uuid })) ?? undefined,
  canRead: async (ctx, node) => {
    const entry = node as ActivityEntry;
    return entry.projectUuid ? !!(await readableProjectOf(ctx, entry)) : !!ctx.auth && entry.actor?.uuid === ctx.auth.personUuid;
  },
});

@Resolver(() => ActivityEntry)
export class ActivityEntryResolver {
  @Subscription(() => ActivityEntry, {
    description: "Each new entry of a project's timeline, from any server process, while you may read the project",
    subscribe: ({ args, context }) => projectActivityStream(context as Context, String(args.projectId)),
  })
  projectActivity(@Root() entry: ActivityEntry, @Arg('projectId', () => ID, { description: 'The project to follow' }) _projectId: string) {
    return entry;
  }

  @FieldResolver(() => Date, { description: 'When it happened' })
  at(@Root() entry: ActivityEntry): Date {
    return entry.createdAt;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who did it; null for the system or when signed out' })
  actor(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, entry.actor);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the actor acted for' })
  async onBehalfOf(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<Organisation | null> {
    return entry.onBehalfOf ? ((await ctx.loaders.organisations.byUuid.load(entry.onBehalfOf.uuid)) ?? null) : null;
  }

  @FieldResolver(() => ID, { description: 'Global id of the object the entry is about' })
  subjectId(@Root() entry: ActivityEntry): string {
    return toGlobalId(entry.subjectType, entry.subjectUuid);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project whose timeline shows the entry' })
  project(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<Project | null> {
    return readableProjectOf(ctx, entry);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The changed fields before the change, as a JSON object' })
  before(@Root() entry: ActivityEntry): string | null {
    return entry.before ? JSON.stringify(entry.before) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The changed fields after the change, as a JSON object' })
  after(@Root() entry: ActivityEntry): string | null {
    return entry.after ? JSON.stringify(entry.after) : null;
  }
}
