import { Migration } from '@mikro-orm/migrations';

/**
 * No planner statistics for the activity log's JSON snapshots. No query filters, joins or sorts on
 * `before` or `after`, yet they are most of what ANALYZE computes for the log — PostgreSQL's biggest,
 * append-only table, analysed again as it grows: about 70 of 75 ms of CPU per run on 20,000 entries,
 * in bursts that competed with requests for the CPU (bench/results/stalls-*.md).
 */
export class Migration20261122093000_activity_statistics extends Migration {
  override name = 'Migration20261122093000_activity_statistics';

  override up(): void | Promise<void> {
    this.addSql(`alter table "activity_entry" alter column "before" set statistics 0, alter column "after" set statistics 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity_entry" alter column "before" set statistics -1, alter column "after" set statistics -1;`);
  }
}
