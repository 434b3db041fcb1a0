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
  ])('names the variable when %s is %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, defaults)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, defaults)).toThrow(message);
  });
});
