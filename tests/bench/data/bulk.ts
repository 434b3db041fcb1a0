import type pg from 'pg';

/** PostgreSQL accepts at most 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 4_000;

/**
 * Buffers rows per table and writes them as multi-row `INSERT … VALUES` statements of a few thousand
 * rows: one round trip and one parse per batch instead of per row.
 */
export class BulkWriter {
  private buffers = new Map<string, { columns: string[]; casts: string[]; rows: unknown[][] }>();
  private written = 0;
  private readonly startedAt = Date.now();
  private lastReport = 0;
  readonly counts = new Map<string, number>();

  constructor(
    private readonly client: pg.ClientBase,
    private readonly progress: boolean,
  ) {}

  /** Declares a table's columns; a column written `name::type` is cast (enums, arrays). */
  table(name: string, columns: string[]): void {
    this.buffers.set(name, {
      columns: columns.map((column) => column.split('::')[0]!),
      casts: columns.map((column) => (column.includes('::') ? `::${column.split('::')[1]}` : '')),
      rows: [],
    });
  }

  async add(table: string, row: unknown[]): Promise<void> {
    const buffer = this.buffers.get(table)!;
    buffer.rows.push(row);
    if (buffer.rows.length >= Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / buffer.columns.length))) {
      // Tables are declared parents first: writing the ones before this one keeps foreign keys whole.
      const names = [...this.buffers.keys()];
      for (const name of names.slice(0, names.indexOf(table) + 1)) {
        await this.flush(name);
      }
    }
  }

  async flush(table?: string): Promise<void> {
    for (const name of table ? [table] : [...this.buffers.keys()]) {
      const buffer = this.buffers.get(name)!;
      if (!buffer.rows.length) {
        continue;
      }
      const params: unknown[] = [];
      const tuples = buffer.rows.map((row) => {
        const slots = row.map((value, index) => {
          params.push(value);
          return `$${params.length}${buffer.casts[index]}`;
        });
        return `(${slots.join(',')})`;
      });
      await this.client.query(
        `insert into "${name}" (${buffer.columns.map((c) => `"${c}"`).join(',')}) values ${tuples.join(',')}`,
        params,
      );
      this.written += buffer.rows.length;
      this.counts.set(name, (this.counts.get(name) ?? 0) + buffer.rows.length);
      buffer.rows = [];
      this.report(false);
    }
  }

  /** One progress line on stderr (rewritten in place on a terminal), at most every 250 ms. */
  report(final: boolean): void {
    if (!this.progress) {
      return;
    }
    const now = Date.now();
    if (!final && now - this.lastReport < 250) {
      return;
    }
    this.lastReport = now;
    const seconds = (now - this.startedAt) / 1000;
    const line = `  ${this.written.toLocaleString('en')} rows  ${seconds.toFixed(1)} s  ${Math.round(this.written / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  }

  get total(): number {
    return this.written;
  }
}
