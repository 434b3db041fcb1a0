/** What tests and tools use of the server. */
import 'reflect-metadata';
export { startGongzhi, type Gongzhi, type StartOptions } from './app/start.js';
export { createLogger } from './app/logger.js';
export { loadConfig, type Config } from './config/env.js';
export { startEmbeddedPostgres, freePort } from './db/embedded-postgres.js';
export { initOrm } from './db/orm.js';
export { migrate } from './db/migrate.js';
export { createSchema, printContract, SCHEMA_FILE } from './app/schema.js';
export type { Clock } from './app/clock.js';
export { seedDemoOnce } from './demo/seed.js';
export { seedProjects } from './demo/projects.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts.js';
export { seedDistrict } from './demo/district.js';
export { DEMO_FIXTURES } from './demo/fixtures.js';
export { normaliseCreditCode } from './common/validation/credit-code.js';
export { ConfigError } from './config/env.js';
