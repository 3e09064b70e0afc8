/** The renderer's build, shared by electron-vite (npm run build) and a plain `vite build -c vite.renderer.config.ts`. */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
  },
};

export default rendererConfig;
