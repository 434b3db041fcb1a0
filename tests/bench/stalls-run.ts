/**
 * `pnpm bench:stalls [--operation deliverableTransition] [--rounds 4] [--rate 300] [--seconds 8]
 * [--slow 20] [--scale 1] [--seed S] [--database-url URL] [--no-write]`: when the fixed-rate writes answer
 * late and what the database connections were doing then (see stalls.ts). Prints a Markdown table and
 * writes it to bench/results/stalls-<date>.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runStalls, stallsMarkdown } from './stalls.js';
import { REPO_ROOT } from './support/database.js';
import { WRITE_OPERATIONS, type WriteOperation } from './writes-requests.js';

const { values } = parseArgs({
  options: {
    operation: { type: 'string', default: 'deliverableTransition' },
    rounds: { type: 'string', default: '4' },
    rate: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '8' },
    slow: { type: 'string', default: '20' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const operation = values.operation as WriteOperation;
if (!WRITE_OPERATIONS.includes(operation)) {
  console.error(`usage: pnpm bench:stalls [--operation ${WRITE_OPERATIONS.join('|')}] [--rounds R] [--rate N] [--seconds S]`);
  process.exit(2);
}
const result = await runStalls({
  scale: Number(values.scale),
  seed: Number(values.seed),
  databaseUrl: values['database-url'],
  operation,
  rounds: Number(values.rounds),
  rate: Number(values.rate),
  durationMs: Number(values.seconds) * 1000,
  slowMs: Number(values.slow),
  log: (line) => console.error(line),
});
const report = stallsMarkdown(result);
console.log(report);
if (!values['no-write']) {
  const name = `stalls-${new Date().toISOString().slice(0, 16).replace(':', '')}.md`;
  fs.writeFileSync(path.join(REPO_ROOT, 'bench/results', name), report);
  console.error(`wrote bench/results/${name}`);
}
