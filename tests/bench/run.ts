/**
 * `pnpm bench [--scale N] [--seed S] [--duration SECONDS] [--rounds R] [--concurrency 10,50] [--quick]
 * [--only reads,fanout] [--database-url URL] [--no-write]`: generates the data set when missing, runs the
 * benchmark (every section, or those `--only` names), prints the Markdown table and writes
 * bench/results/<date>.json and .md (<date>-<sections> with `--only`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FANOUT_FULL, FANOUT_QUICK } from './fanout.js';
import { runBench } from './harness.js';
import { WRITES_FULL } from './writes.js';
import { DASHBOARD_API_FULL, DASHBOARD_API_QUICK } from './dashboard-api.js';
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
    only: { type: 'string' },
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
  fanout: quick ? FANOUT_QUICK : FANOUT_FULL,
  writes: { ...WRITES_FULL, durationMs: quick ? 300 : Number(values.duration) * 1000, rounds: quick ? 1 : Number(values.rounds) },
  dashboard: quick ? DASHBOARD_API_QUICK : { ...DASHBOARD_API_FULL, durationMs: Number(values.duration) * 1000 },
  ...(values.only ? { only: values.only.split(',') } : {}),
  log: (line) => console.error(line),
});
const table = markdown(result);
console.log(table);
if (!values['no-write'] && !quick) {
  const dir = path.join(REPO_ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const name = result.startedAt.slice(0, 16).replace(':', '') + (values.only ? `-${values.only.replaceAll(',', '-')}` : '');
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), table);
  console.error(`wrote bench/results/${name}.json and .md`);
}
const errors = result.summary.reduce((sum, s) => sum + s.errors, 0);
if (errors) {
  console.error(`${errors} requests failed: ${result.measurements.find((m) => m.firstError)?.firstError}`);
  process.exit(1);
}
// Gongzhi's rows and the raw-SQL limit, closed loop and fixed rate alike.
const writeRuns = result.writes ? [...result.writes.rows, result.writes.limit].flatMap((row) => [row, row.fixedRate]) : [];
const writeErrors = writeRuns.reduce((sum, run) => sum + run.errors, 0);
const broken = result.writes?.invariants.filter((invariant) => invariant.violations) ?? [];
if (writeErrors || broken.length) {
  console.error(
    `writes: ${writeErrors} requests failed (${writeRuns.find((run) => run.firstError)?.firstError ?? ''}); ` +
      `invariants broken: ${broken.map((invariant) => invariant.name).join('; ') || 'none'}`,
  );
  process.exit(1);
}
if (result.dashboard && (result.dashboard.errors || !result.dashboard.check.matches)) {
  console.error(
    `dashboard: ${result.dashboard.errors} requests failed (${result.dashboard.firstError ?? ''}); ` +
      `API totals ${result.dashboard.check.matches ? 'match' : 'differ from'} the direct SQL`,
  );
  process.exit(1);
}
if (result.fanout && (result.fanout.missed || result.fanout.errors)) {
  console.error(`fan-out: ${result.fanout.missed} deliveries missed, ${result.fanout.errors} errors: ${result.fanout.firstError ?? ''}`);
  process.exit(1);
}
