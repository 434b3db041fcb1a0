import type { WebSocketLimits } from '../app/websocket-limits.js';

/**
 * Every setting comes from the environment and is validated once at start, so a bad value stops the
 * process with one line naming the variable instead of failing later with a stack trace.
 */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Absent: an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  introspection: boolean;
  /** Seeds the demo district on first start. */
  seedDemo: boolean;
  /** Where the built portal lives; served at `/` when present. */
  portalDir: string | undefined;
  statementTimeoutMs: number;
  bodyLimitBytes: number;
  sessionDays: number;
  /** Cookies get the `Secure` flag (behind HTTPS). */
  secureCookies: boolean;
  /** How often unrated demand tickets are closed and overdue ones escalated; 0 turns the timer off (reads still apply both). */
  demandSweepIntervalMs: number;
  /** Serves `GET /metrics` (Prometheus text: memory, event-loop delay, WebSockets, the pg pool); off by default. */
  metricsEnabled: boolean;
  /**
   * Compiled page statements run as named prepared statements (planned once per connection). Off for a
   * pooler that cannot keep them, e.g. PgBouncer in transaction mode before 1.21 or without
   * `max_prepared_statements`.
   */
  pgPreparedStatements: boolean;
  /**
   * The proxies whose `X-Forwarded-For` names the client (Express's `trust proxy`): rate limits and
   * connection limits count per client address, so behind a proxy it must be trusted.
   */
  trustProxy: string;
  /** Open WebSocket connections (live subscriptions) allowed in this process, and from one client address. */
  webSocketLimits: WebSocketLimits;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Express's `trust proxy` list: names of address ranges, addresses and subnets, comma-separated. */
function trustedProxies(env: Env): string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) {
    return 'loopback';
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const invalid = entries.find((entry) => !PROXY_NAMES.includes(entry) && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry));
  if (invalid !== undefined) {
    throw new ConfigError('TRUST_PROXY', `lists ${PROXY_NAMES.join(', ')}, addresses or subnets separated by commas, got "${invalid}"`);
  }
  return entries.join(', ');
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw)) {
    return false;
  }
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL', 'must name a host and a database (postgres://user:password@host:port/database)');
  }
  return raw;
}

export function loadConfig(env: Env = process.env, defaults: { dataDir: string; portalDir?: string }): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return {
    nodeEnv,
    host: env.HOST?.trim() || '0.0.0.0',
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: databaseUrl(env),
    dataDir: env.GONGZHI_DATA_DIR?.trim() || defaults.dataDir,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    seedDemo: boolean(env, 'SEED_DEMO', true),
    portalDir: env.PORTAL_DIR?.trim() || defaults.portalDir,
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 10_000, 100, 600_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_000_000, 1_000, 50_000_000),
    sessionDays: integer(env, 'SESSION_DAYS', 14, 1, 365),
    secureCookies: boolean(env, 'SECURE_COOKIES', false),
    demandSweepIntervalMs: integer(env, 'DEMAND_SWEEP_INTERVAL_MS', 60_000, 0, 86_400_000),
    metricsEnabled: boolean(env, 'METRICS_ENABLED', false),
    pgPreparedStatements: boolean(env, 'PG_PREPARED_STATEMENTS', true),
    trustProxy: trustedProxies(env),
    webSocketLimits: {
      total: integer(env, 'WS_MAX_CONNECTIONS', 10_000, 1, 1_000_000),
      // Generous: offices and mobile carriers put many people behind one address.
      perAddress: integer(env, 'WS_MAX_CONNECTIONS_PER_ADDRESS', 500, 1, 1_000_000),
    },
  };
}
