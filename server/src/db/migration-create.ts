/**
 * Writes a new migration from the difference between the entities and the committed migrations:
 * starts a throw-away embedded PostgreSQL, applies every migration, diffs, and registers the file.
 * Usage: pnpm --filter @gongzhi/server migration:create <name>
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { initOrm } from './orm.js';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: migration:create <kebab-case-name>');
  process.exit(1);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsDir = path.join(here, 'migrations');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-migration-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), database: 'migrations', persistent: false });
try {
  const orm = await initOrm({ url: db.url });
  await orm.migrator.up();
  const result = await orm.migrator.create(migrationsDir, false, false, name.replace(/-/g, '_'));
  await orm.close();
  if (!result.fileName) {
    console.log('No schema changes: no migration written.');
  } else {
    const base = path.basename(result.fileName, '.ts');
    const index = path.join(migrationsDir, 'index.ts');
    const source = fs.readFileSync(index, 'utf8');
    const withImport = `import { ${base} } from './${base}.js';\n${source}`;
    const updated = withImport.replace(/\] = \[(.*?)\];/s, (_match, list: string) => {
      const entries = list.trim() ? `${list.trim().replace(/,$/, '')},\n  ` : '\n  ';
      return `] = [${entries}{ name: '${base}', class: ${base} },\n];`;
    });
    fs.writeFileSync(index, updated);
    console.log(`Wrote ${path.relative(process.cwd(), result.fileName)}; review it, then commit it.`);
  }
} finally {
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
