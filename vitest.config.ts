import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { pathWithTools } from './stack/tools.ts';

/** The repository's own code runs the engine from its sources (generator/package.json's `sextant-source`). */
const SOURCE_CONDITIONS = ['sextant-source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    // The fetched Prometheus, promtool, Alertmanager and node_exporter win over the system's.
    env: { PATH: pathWithTools() },
    // A guard against hangs, not a speed assertion: speed is measured by `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/results.json' }]],
    // The engine's tests run on fixtures (test/engine-apart.test.ts holds them to it); the reference
    // project's in test/reference/; the live stack in test/e2e/. `vitest run --project engine` runs the first alone.
    projects: [
      { extends: true, test: { name: 'engine', include: ['test/**/*.test.ts'], exclude: ['test/reference/**', 'test/e2e/**', 'test/.work/**'] } },
      { extends: true, test: { name: 'reference', include: ['test/reference/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
