import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { DEV_SERVER_PORT, WEB_PREVIEW_PORT } from './shared/ipc/origins.ts';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from './shared/security/csp.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: 'renderer',
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(version),
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No inline scripts or data: modules: the production CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    port: DEV_SERVER_PORT,
    strictPort: true,
    host: 'localhost',
    headers: { 'Content-Security-Policy': DEVELOPMENT_CSP },
  },
  preview: {
    port: WEB_PREVIEW_PORT,
    strictPort: true,
    host: 'localhost',
    headers: { 'Content-Security-Policy': PRODUCTION_CSP, 'X-Content-Type-Options': 'nosniff' },
  },
});
