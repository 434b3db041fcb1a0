import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const portal = path.resolve(import.meta.dirname, '../../portal');
const committed = path.join(portal, 'src/graphql/generated');

function files(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

describe('portal/src/graphql/generated', () => {
  it('matches what graphql-codegen makes from schema.graphql and the operations (run `pnpm codegen`)', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-codegen-'));
    try {
      execFileSync('pnpm', ['exec', 'graphql-codegen', '--config', 'codegen.ts', '--silent'], {
        cwd: portal,
        env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
        stdio: 'pipe',
      });
      const fresh = files(scratch);
      const current = files(committed);
      expect(Object.keys(current).sort()).toEqual(Object.keys(fresh).sort());
      for (const [name, content] of Object.entries(fresh)) {
        expect(current[name] === content, `${name} is stale: run \`pnpm codegen\` and commit it`).toBe(true);
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
