import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../app/logger.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts.js';
import { seedDemands } from './demands.js';
import { seedDistrict } from './district.js';
import { seedProjects } from './projects.js';
import { seedVolunteering } from './volunteering.js';

export type { DemoAccount };

/**
 * Seeds the demo district, its partner projects, residents' demands, volunteering and commitments on
 * the first start only. An advisory lock makes concurrent starts (several
 * replicas) seed once; an existing person means the database is in use, and nothing is touched.
 */
export async function seedDemoOnce(orm: MikroORM, logger: Logger, now: Date = new Date()): Promise<DemoAccount[]> {
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    await tx.getConnection().execute("select pg_advisory_xact_lock(hashtext('gongzhi.demo-seed'))", [], 'all', tx.getTransactionContext());
    const [{ seeded }] = await tx
      .getConnection()
      .execute<{ seeded: boolean }[]>('select exists(select 1 from person) as seeded', [], 'all', tx.getTransactionContext());
    if (seeded) {
      return demoAccountsIfPresent(tx);
    }
    // Each feature's demo data builds on the previous ones; all of it is dated relative to `now`.
    const accounts = await seedDistrict(tx, now);
    await seedProjects(tx, now);
    await seedDemands(tx, now);
    await seedVolunteering(tx, now);
    logger.info('seeded the demo district');
    return accounts;
  });
}

async function demoAccountsIfPresent(em: Parameters<typeof seedDistrict>[0]): Promise<DemoAccount[]> {
  const phones = DEMO_ACCOUNTS.map((account) => account.identifier);
  const rows = await em
    .getConnection()
    .execute<{ phone: string }[]>(
      `select phone from person where phone in (${phones.map(() => '?').join(', ')}) and deleted_at is null`,
      phones,
      'all',
      em.getTransactionContext(),
    );
  const present = new Set(rows.map((row) => row.phone));
  return DEMO_ACCOUNTS.filter((account) => present.has(account.identifier));
}
