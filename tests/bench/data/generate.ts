/**
 * `pnpm bench:data --scale N [--seed S] [--database-url URL] [--force]`: fills a database with the
 * deterministic bench data set (see dataset.ts). Without --database-url it uses the persistent embedded
 * PostgreSQL in `.data/bench-<scale>`; a data set already generated there with the same seed is kept.
 */
import { parseArgs } from 'node:util';
import { connect, migrateDatabase, openBenchDatabase } from '../support/database.js';
import { ensureDataset } from './ensure.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed)) {
  console.error('usage: pnpm bench:data --scale N (a positive number) [--seed S (an integer)] [--database-url URL] [--force]');
  process.exit(2);
}
const db = await openBenchDatabase(scale, values['database-url']);
try {
  await migrateDatabase(db.url);
  const client = await connect(db.url);
  try {
    const result = await ensureDataset(client, { scale, seed, force: values.force, progress: true });
    console.error(
      result.generated
        ? `generated ${result.rows.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s`
        : 'data set already present (use --force to regenerate)',
    );
    console.error(JSON.stringify(result.counts));
    console.log(db.url);
  } finally {
    await client.end();
  }
} finally {
  await db.stop();
}
