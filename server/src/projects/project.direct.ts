import { registerDirectRoot } from '../common/lookahead/direct-answers.js';
import { directConnection, directObject } from '../common/lookahead/direct-connection.js';
import type { ConnectionArgs } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { readableProject } from './project-access.js';
import { listProjects } from './project-list.js';
import type { ProjectFilter, ProjectOrder } from './project.inputs.js';

// `projects` and `project` answered straight from compiled SQL when the whole query allows
// (`common/lookahead/direct-answers.ts`); the same listing and read rules as their resolvers.
registerDirectRoot('projects', (ctx, args, field, operation, definition) =>
  directConnection(ctx, field, operation, definition, 'project', (options) =>
    listProjects(
      ctx,
      args.filter as ProjectFilter | null | undefined,
      args.orderBy as ProjectOrder | null | undefined,
      { first: args.first, after: args.after } as ConnectionArgs,
      options,
    ),
  ),
);

registerDirectRoot('project', (ctx, args, field, operation, definition) =>
  directObject(ctx, field, operation, definition, 'project', () => readableProject(ctx, uuidOf(args.id as string, 'Project'))),
);
