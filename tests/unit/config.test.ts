import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@gongzhi/server';

const defaults = { dataDir: '/tmp/data' };

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadConfig({}, defaults)).toMatchObject({ port: 4000, databaseUrl: undefined, nodeEnv: 'development', introspection: true });
  });

  it('prepares compiled statements unless PG_PREPARED_STATEMENTS=false (for poolers that cannot keep them)', () => {
    expect(loadConfig({}, defaults).pgPreparedStatements).toBe(true);
    expect(loadConfig({ PG_PREPARED_STATEMENTS: 'false' }, defaults).pgPreparedStatements).toBe(false);
  });

  it('serves no metrics unless METRICS_ENABLED is set', () => {
    expect(loadConfig({}, defaults).metricsEnabled).toBe(false);
    expect(loadConfig({ METRICS_ENABLED: 'true' }, defaults).metricsEnabled).toBe(true);
  });

  it('trusts only a proxy on loopback unless TRUST_PROXY names others', () => {
    expect(loadConfig({}, defaults).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'loopback,uniquelocal, 10.1.0.0/16' }, defaults).trustProxy).toBe(
      'loopback, uniquelocal, 10.1.0.0/16',
    );
  });

  it('caps WebSocket connections at 10,000 per process and 500 per address unless told otherwise', () => {
    expect(loadConfig({}, defaults).webSocketLimits).toEqual({ total: 10_000, perAddress: 500 });
    expect(loadConfig({ WS_MAX_CONNECTIONS: '20', WS_MAX_CONNECTIONS_PER_ADDRESS: '2' }, defaults).webSocketLimits).toEqual({
      total: 20,
      perAddress: 2,
    });
  });

  it('turns introspection off by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, defaults).introspection).toBe(false);
  });

  it.each([
    ['PORT', 'abc', 'PORT: must be a whole number, got "abc"'],
    ['PORT', '70000', 'PORT: must be between 0 and 65535, got 70000'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: is not a valid URL'],
    ['DATABASE_URL', 'mysql://u:p@h/db', 'DATABASE_URL: must start with postgres:// or postgresql://'],
    ['DATABASE_URL', 'postgres://u:p@h', 'DATABASE_URL: must name a host and a database'],
    ['NODE_ENV', 'staging', 'NODE_ENV: must be one of development, production, test'],
    ['SEED_DEMO', 'maybe', 'SEED_DEMO: must be true or false'],
    ['METRICS_ENABLED', 'maybe', 'METRICS_ENABLED: must be true or false'],
    [
      'TRUST_PROXY',
      'loopback, everyone',
      'TRUST_PROXY: lists loopback, linklocal, uniquelocal, addresses or subnets separated by commas, got "everyone"',
    ],
    ['WS_MAX_CONNECTIONS_PER_ADDRESS', '0', 'WS_MAX_CONNECTIONS_PER_ADDRESS: must be between 1 and 1000000, got 0'],
  ])('names the variable when %s is %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, defaults)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, defaults)).toThrow(message);
  });
});
