import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

const main = path.resolve(import.meta.dirname, '../../server/dist/main.js');

let database: TestServer;
beforeAll(async () => {
  // Only for a fresh copy of the demo database; the server under test runs in its own process.
  database = await startTestServer();
});
afterAll(() => database?.stop());

describe('the built server (node server/dist/main.js)', () => {
  it.skipIf(!fs.existsSync(main))(
    'stops on SIGTERM after serving requests: drains, closes the pool and exits 0',
    async () => {
      const child = spawn(process.execPath, [main], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: database.databaseUrl,
          SEED_DEMO: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      // Keep-alive connections of a real client stay open across the stop.
      for (let index = 0; index < 5; index += 1) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ projects(first: 5) { nodes { title } } }' }),
        });
        expect(response.status).toBe(200);
        await response.text();
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const started = Date.now();
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
      }
      expect(code, output).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
    },
    60_000,
  );
});
