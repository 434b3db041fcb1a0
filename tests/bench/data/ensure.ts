import type pg from 'pg';
import { generateDataset } from './dataset.js';
import { writeActivityLog } from './activity-log.js';
import { creditServiceHours } from './service-hours.js';

export interface EnsureResult {
  generated: boolean;
  rows: number;
  seconds: number;
  counts: Record<string, number>;
}

/** Tables the generator writes, children first (for --force). */
const GENERATED_TABLES = [
  'service_hours_entry',
  'shift_sign_up',
  'shift',
  'volunteer_activity',
  'demand_event',
  'demand_ticket',
  'deliverable_pledge',
  'deliverable_owner',
  'deliverable',
  'delivery',
  'pledge',
  'need',
  'project_partner',
  'project_region',
  'project',
  'membership',
  'person',
  'organisation',
  'region',
];

/**
 * Tables written in SQL from the generated rows, with ids derived from theirs, so a data set generated
 * before one of them existed gets it added, the same rows a fresh generation writes. The ledger needs
 * the volunteering tables.
 */
const DERIVED_TABLES: { table: string; write: (client: pg.ClientBase) => Promise<number>; needsVolunteering: boolean }[] = [
  { table: 'service_hours_entry', write: creditServiceHours, needsVolunteering: true },
  { table: 'activity_entry', write: writeActivityLog, needsVolunteering: false },
];

/** Writes the derived tables `counts` does not list yet, adding them to it; returns the rows written. */
async function writeDerivedTables(client: pg.ClientBase, counts: Record<string, number>, volunteering: boolean): Promise<number> {
  let rows = 0;
  for (const { table, write, needsVolunteering } of DERIVED_TABLES) {
    if (counts[table] === undefined && (volunteering || !needsVolunteering)) {
      counts[table] = await write(client);
      rows += counts[table];
    }
  }
  return rows;
}

/**
 * Generates the data set unless the same scale and seed are already recorded in `bench.dataset` (a
 * schema of its own, so the application's tables stay as the migrations made them).
 */
export async function ensureDataset(
  client: pg.ClientBase,
  options: { scale: number; seed: number; force?: boolean; progress?: boolean },
): Promise<EnsureResult> {
  await client.query('create schema if not exists bench');
  await client.query(
    'create table if not exists bench.dataset (scale numeric not null, seed int not null, rows int not null, counts jsonb not null, generated_at timestamptz not null default now())',
  );
  const { rows } = await client.query('select scale::float8 as scale, seed, rows, counts from bench.dataset');
  const present = rows[0];
  if (present && present.scale === options.scale && present.seed === options.seed && !options.force) {
    const counts = { ...present.counts };
    const added = await writeDerivedTables(client, counts, Boolean(counts.shift_sign_up));
    if (added) {
      await client.query('update bench.dataset set counts = $1, rows = $2', [JSON.stringify(counts), present.rows + added]);
    }
    return { generated: false, rows: present.rows + added, seconds: 0, counts };
  }
  if (present || options.force) {
    const existing = [];
    for (const table of GENERATED_TABLES) {
      const found = await client.query('select to_regclass($1) is not null as present', [`public.${table}`]);
      if (found.rows[0].present) {
        existing.push(`"${table}"`);
      }
    }
    // Truncation skips the append-only triggers (they guard updates and deletes); activity entries
    // and sessions reference people, so they go too.
    await client.query(`truncate ${[...existing, 'activity_entry', 'session', 'region_role'].join(', ')} cascade`);
    await client.query('delete from bench.dataset');
  }
  const result = await generateDataset(client, options);
  result.rows += await writeDerivedTables(client, result.counts, result.volunteering);
  await client.query('insert into bench.dataset (scale, seed, rows, counts) values ($1, $2, $3, $4)', [
    options.scale,
    options.seed,
    result.rows,
    JSON.stringify(result.counts),
  ]);
  return { generated: true, rows: result.rows, seconds: result.seconds, counts: result.counts };
}
