import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from './app/logger.js';
import { startGongzhi } from './app/start.js';
import { ConfigError, loadConfig } from './config/env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let config;
try {
  config = loadConfig(process.env, { dataDir: path.join(root, '.data/postgres'), portalDir: path.join(root, 'portal/dist') });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger(config.logLevel);
const gongzhi = await startGongzhi({ config, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Gongzhi did not start');
  process.exit(1);
});

const accounts = gongzhi.demoAccounts.map(
  (account) => `    ${account.role.padEnd(28)} ${account.identifier.padEnd(16)} ${account.password}`,
);
console.log(
  [
    '',
    `  共治 Gongzhi is running`,
    `    Portal        ${gongzhi.url}/`,
    `    GraphQL       ${gongzhi.url}/graphql  (WebSocket: ws://${gongzhi.url.slice(7)}/graphql)`,
    `    GraphQL IDE   ${gongzhi.url}/graphiql`,
    `    Health        ${gongzhi.url}/healthz  ${gongzhi.url}/readyz`,
    ...(accounts.length ? ['', '  Demo accounts (demo data only):', ...accounts] : []),
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests');
    // A stop that cannot finish (a stuck connection, an unreachable database) must not keep the process alive.
    setTimeout(() => {
      logger.error('stop did not finish in 30 s: exiting anyway');
      process.exit(1);
    }, 30_000).unref();
    gongzhi.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}
