// One test runner for every layer: unit tests beside the code, cross-layer and browser tests in tests/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', '.tsbuild/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
  },
});
