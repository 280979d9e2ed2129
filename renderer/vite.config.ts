import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the renderer into renderer/dist: one self-contained bundle (no CDN, no web font), with relative
 * URLs so Electron can load it from its files and the e2e host can serve it from any port.
 */
// eslint-disable-next-line no-restricted-syntax -- Vite reads its configuration from the default export.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    chunkSizeWarningLimit: 2_000,
  },
  server: {
    // The renderer imports the core (src/), the référentiel (seeds/) and the template (templates/).
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
