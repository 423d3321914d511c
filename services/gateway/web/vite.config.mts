// The web UI's build: `npm run build` runs it into dist/web, which the gateway serves at `/`.
// `npx vite --config services/gateway/web/vite.config.mts` serves it for development, with the
// API proxied to a gateway on :3000 (GATEWAY_URL to point elsewhere).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite keeps import.meta.url pointing at this file, so the paths hold from any working directory.
const here = (path: string): string => decodeURIComponent(new URL(path, import.meta.url).pathname);
const gateway = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../../../dist/web'),
    emptyOutDir: true,
    // ECharts alone is ~600 kB minified; the pages that need it load it on demand.
    chunkSizeWarningLimit: 800,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: true },
      '/health': { target: gateway },
    },
  },
});
