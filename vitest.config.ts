import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/core/**/*.test.ts', 'test/cli/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two forks on two cores: the default (cores − 1) runs every file one after another here, while
    // the CLI files mostly wait on the processes they start.
    maxWorkers: 2,
  },
});
