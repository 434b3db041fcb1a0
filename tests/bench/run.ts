/**
 * `pnpm bench [--scale N] [--seed S] [--duration SECONDS] [--rounds R] [--concurrency 10,50] [--quick]
 * [--database-url URL] [--no-write]`: generates the data set when missing, runs the benchmark, prints the
 * Markdown table and writes bench/results/<date>.json and .md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './harness.js';
import { markdown } from './report.js';
import { REPO_ROOT } from './support/database.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '10,50' },
    quick: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const result = await runBench({
  scale: Number(values.scale),
  seed: Number(values.seed),
  databaseUrl: values['database-url'],
  // Smoke mode: one short round, to prove the harness and the gate work (its figures mean nothing).
  durationMs: quick ? 200 : Number(values.duration) * 1000,
  rounds: quick ? 1 : Number(values.rounds),
  concurrency: quick ? [10] : values.concurrency.split(',').map(Number),
  fixedRate: !quick,
  log: (line) => console.error(line),
});
const table = markdown(result);
console.log(table);
if (!values['no-write'] && !quick) {
  const dir = path.join(REPO_ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const name = result.startedAt.slice(0, 16).replace(':', '');
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), table);
  console.error(`wrote bench/results/${name}.json and .md`);
}
const errors = result.summary.reduce((sum, s) => sum + s.errors, 0);
if (errors) {
  console.error(`${errors} requests failed: ${result.measurements.find((m) => m.firstError)?.firstError}`);
  process.exit(1);
}
