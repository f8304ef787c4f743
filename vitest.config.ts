import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { pathWithTools } from './stack/tools.ts';

/** The repository's own code runs the engine from its sources (generator/package.json's `sextant-source`). */
const SOURCE_CONDITIONS = ['sextant-source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // The fetched Prometheus, promtool, Alertmanager and node_exporter win over the system's.
    env: { PATH: pathWithTools() },
    // A guard against hangs, not a speed assertion: speed is measured by `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/results.json' }]],
  },
});
