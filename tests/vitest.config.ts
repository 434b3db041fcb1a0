import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // The server uses legacy decorators (type-graphql, MikroORM); Vite 8 transforms TS with Oxc.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  // One graphql instance for everything, or schemas built by type-graphql look foreign to Apollo.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: [require.resolve('@gongzhi/server')] }) }] },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file has its own database; two cores run two files at a time.
    maxWorkers: 2,
  },
});
