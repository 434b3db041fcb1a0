import { execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from '@gongzhi/server';
import { post } from './loadgen.js';
import { REPO_ROOT } from './support/database.js';

const TSX = path.join(REPO_ROOT, 'server/node_modules/tsx/dist/esm/index.mjs');
const CLOCK_TICKS = (() => {
  try {
    return Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** How the process was started (recorded with the results). */
  command: string;
  /** `performance.now()` in this process when the child was spawned: the child's own clock starts about then. */
  spawnedAtMs: number;
  stop(): Promise<void>;
}

/** CPU time (user + system) per process, in ms, from /proc/<pid>/stat. */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      snapshot.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // Gone between listing and reading.
    }
  }
  return snapshot;
}

/**
 * The whole machine's CPU so far, in ms, from /proc/stat: busy (user, nice, system, irq, softirq) and
 * stolen (the hypervisor ran another guest on our virtual CPU) — plus, where the kernel has pressure
 * stall information, the time any task here was ready to run but waited for a CPU (µs → ms).
 */
export interface MachineCpu {
  busyMs: number;
  stealMs: number;
  waitingMs: number;
}

export function machineCpu(): MachineCpu {
  const [user, nice, system, , , irq, softirq, steal] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const toMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS;
  let waitingMs = NaN;
  try {
    const some = /^some .*total=(\d+)/m.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    waitingMs = some ? Number(some[1]) / 1000 : NaN;
  } catch {
    // No pressure stall information on this kernel.
  }
  return { busyMs: toMs(user! + nice! + system! + irq! + softirq!), stealMs: toMs(steal!), waitingMs };
}

/**
 * CPU spent between two snapshots by the processes alive at the end: a backend started during the round
 * counts whole; one that ended during it is lost (pools keep their connections, so that is rare).
 */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) {
    total += ms - (before.get(pid) ?? 0);
  }
  return total;
}

/** Peak resident set (VmHWM) in MiB. */
export function peakRssMiB(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Resident set now (VmRSS) in MiB. */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The built server (`server/dist/main.js`) when it is at least as new as the sources, else the sources
 * through tsx's loader: the same code either way, tsx only transforms it once at start.
 */
export function gongzhiCommand(): { args: string[]; cwd: string; label: string } {
  const cwd = path.join(REPO_ROOT, 'server');
  const built = path.join(cwd, 'dist/main.js');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestMtime(path.join(cwd, 'src'))) {
    return { args: [built], cwd, label: 'node server/dist/main.js' };
  }
  return {
    args: ['--import', `file://${TSX}`, path.join(cwd, 'src/main.ts')],
    cwd,
    label: 'node --import tsx server/src/main.ts (dist is stale)',
  };
}

/** Starts a server process and waits until `ready` answers; the child's stderr is kept for errors. */
export async function startProcess(options: {
  name: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  url: string;
  label: string;
  ready: () => Promise<boolean>;
  /** Node and V8 options before the script (`--trace-gc`…). */
  nodeArgs?: string[];
  /** Receives the child's standard output; without it the output is discarded. */
  onStdout?: (chunk: string) => void;
}): Promise<ServerProcess> {
  const spawnedAtMs = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  if (options.onStdout) {
    child.stdout!.setEncoding('utf8').on('data', options.onStdout);
  }
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited (${child.exitCode}): ${stderr}`);
    }
    if (await options.ready().catch(() => false)) {
      break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become ready: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: options.name,
    url: options.url,
    pid: child.pid!,
    command: options.nodeArgs?.length ? `${options.label} (with ${options.nodeArgs.join(' ')})` : options.label,
    spawnedAtMs,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export { TSX };

/**
 * Node and V8 options for every Gongzhi process the bench starts, from `BENCH_SERVER_NODE_ARGS`
 * (`BENCH_SERVER_NODE_ARGS=--no-concurrent-marking pnpm bench …`): NODE_OPTIONS refuses most V8 flags.
 * They are recorded with the results, in the server's command.
 */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Gongzhi as the bench runs it: its own process in production mode on `databaseUrl` (the built server
 * when fresh, see `gongzhiCommand`), ready once it answers `{ __typename }`. `env` adds settings;
 * `watch` adds Node options and takes the standard output (`pnpm bench:stalls` traces V8's collections).
 */
export async function startGongzhiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  watch: { nodeArgs?: string[]; onStdout?: (chunk: string) => void } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const gongzhi = gongzhiCommand();
  return startProcess({
    name: 'gongzhi',
    args: gongzhi.args,
    cwd: gongzhi.cwd,
    label: gongzhi.label,
    url,
    nodeArgs: [...serverNodeArgs(), ...(watch.nodeArgs ?? [])],
    onStdout: watch.onStdout,
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DEMAND_SWEEP_INTERVAL_MS: '0',
      ...env,
    },
    ready: async () => {
      const agent = new http.Agent();
      try {
        return (await post(agent, new URL(url), JSON.stringify({ query: '{ __typename }' }))).status === 200;
      } finally {
        agent.destroy();
      }
    },
  });
}
