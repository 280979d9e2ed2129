import { defineConfig } from 'vitest/config';

/**
 * End-to-end specs: the built renderer in Debian's Chromium, driven by playwright-core, with the real
 * services and real `.pilier` files (tests/e2e/host.ts). One browser, specs one after the other.
 */
// eslint-disable-next-line no-restricted-syntax -- Vitest reads its configuration from the default export.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
