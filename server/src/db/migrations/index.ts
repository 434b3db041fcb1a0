import { Migration20261121235700_identity } from './Migration20261121235700_identity.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Committed migrations in order. `pnpm --filter @gongzhi/server migration:create` appends here. */
export const migrationsList: MigrationObject[] = [{ name: 'Migration20261121235700_identity', class: Migration20261121235700_identity }];
