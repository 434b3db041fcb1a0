/**
 * `pnpm bench:soak [--minutes 10] [--scale 1] [--seed S] [--concurrency 10] [--database-url URL] [--no-write]`:
 * Q1 + the writes mix against one Gongzhi process (see soak.ts), prints the memory samples and the
 * verdict, and writes bench/results/soak-<date>.json and .md. Exits 1 when memory grew, a request
 * failed or an invariant broke.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runSoak, soakMarkdown } from './soak.js';
import { REPO_ROOT } from './support/database.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '10' },
    'database-url': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const durationMs = Number(values.minutes) * 60_000;
if (!(durationMs > 0)) {
  console.error('usage: pnpm bench:soak [--minutes M] [--scale N] (M > 0)');
  process.exit(2);
}
const result = await runSoak({
  scale: Number(values.scale),
  seed: Number(values.seed),
  databaseUrl: values['database-url'],
  durationMs,
  // The first minute is warm-up, or the first third of a shorter soak.
  warmupMs: Math.min(60_000, durationMs / 3),
  sampleEveryMs: Math.min(10_000, Math.max(1_000, durationMs / 30)),
  concurrency: Number(values.concurrency),
  log: (line) => console.error(line),
});
const report = soakMarkdown(result);
console.log(report);
if (!values['no-write']) {
  const dir = path.join(REPO_ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const name = `soak-${result.startedAt.slice(0, 16).replace(':', '')}`;
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), report);
  console.error(`wrote bench/results/${name}.json and .md`);
}
const broken = result.invariants.filter((invariant) => invariant.violations);
if (!result.verdict.passed || result.errors || broken.length) {
  console.error(
    `soak failed: memory ${result.verdict.passed ? 'flat' : 'growing'}, ${result.errors} errors, invariants broken: ${broken.map((i) => i.name).join('; ') || 'none'}`,
  );
  process.exit(1);
}
