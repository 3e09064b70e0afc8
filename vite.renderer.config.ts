/** The renderer's build, shared by electron-vite (npm run build) and a plain `vite build -c vite.renderer.config.ts`. */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { DEV_CSP_NONCE_ENV } from './electron/security';

/**
 * Development only: the dev server puts this nonce on every script it serves (React's inline
 * refresh preamble among them), index.html's CSP and the main process's (through the
 * environment, see electron/security.ts) allow it. A build has no inline script and no nonce.
 */
const devNonce = (process.env[DEV_CSP_NONCE_ENV] ??= randomBytes(18).toString('base64url'));

const devCspNonce: Plugin = {
  name: 'pt-dev-csp-nonce',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", `script-src 'self' 'nonce-${devNonce}'`),
};

/** The renderer's import aliases (tsconfig.base.json `paths`): the core's types, the shared values, the bridge's types. */
export const RENDERER_ALIASES = {
  '@db': resolve(__dirname, 'db'),
  '@common': resolve(__dirname, 'common'),
  '@electron': resolve(__dirname, 'electron'),
};

export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'renderer'),
  resolve: { alias: RENDERER_ALIASES },
  base: './',
  plugins: [react(), devCspNonce],
  // Only the dev server uses it (`html.cspNonce` is not applied to a build, which has no inline script).
  ...(process.argv.includes('build') ? {} : { html: { cspNonce: devNonce } }),
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified by default: 1.66 MB of script to parse before the first screen
    // draws, against 0.73 MB minified.
    minify: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
  },
};

export default rendererConfig;
