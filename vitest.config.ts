import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'parsers/**/*.test.ts', 'collector/**/*.test.ts', 'app/**/*.test.ts'],
    testTimeout: 60_000,
    // builds dist/ and app/dist from the current sources first (test/global-setup.ts)
    globalSetup: ['test/global-setup.ts'],
    // the JSON lets .ci/run print one plain "N passed, N failed" line at the end
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
    hookTimeout: 120_000,
  },
});
