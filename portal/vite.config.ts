import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type ProxyOptions } from 'vite';

// The API server (server/) listens on PORT (as in `pnpm dev`) or GONGZHI_PORT; the portal is always served same-origin
// through this proxy, so session cookies need no CORS and the WS URL is just /graphql.
const apiTarget = `http://127.0.0.1:${process.env.GONGZHI_PORT ?? process.env.PORT ?? 4000}`;

const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiTarget, ws: true },
  '/graphiql': { target: apiTarget },
  '/healthz': { target: apiTarget },
  '/readyz': { target: apiTarget },
  // Pledge-ledger downloads (CSV/XLSX), authenticated by the session cookie.
  '/exports': { target: apiTarget },
};

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n esm-bundler feature flags: composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
