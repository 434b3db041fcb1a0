import { Migration20261122093000_activity_statistics } from './Migration20261122093000_activity_statistics.js';
import { Migration20261122003805_volunteering } from './Migration20261122003805_volunteering.js';
import { Migration20261122002157_demands } from './Migration20261122002157_demands.js';
import { Migration20261122001834_projects } from './Migration20261122001834_projects.js';
import { Migration20261121235700_identity } from './Migration20261121235700_identity.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Committed migrations in order. `pnpm --filter @gongzhi/server migration:create` appends here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121235700_identity', class: Migration20261121235700_identity },
  { name: 'Migration20261122001834_projects', class: Migration20261122001834_projects },
  { name: 'Migration20261122002157_demands', class: Migration20261122002157_demands },
  { name: 'Migration20261122003805_volunteering', class: Migration20261122003805_volunteering },
  { name: 'Migration20261122093000_activity_statistics', class: Migration20261122093000_activity_statistics },
];
