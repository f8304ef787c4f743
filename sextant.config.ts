/**
 * The one config object of this project. Everything tunable lives here; definitions read it,
 * they never repeat its values.
 */
import { defineConfig } from '#sextant';

export default defineConfig({
  // Prefix of every application metric: taskforge_http_requests_total.
  namespace: 'taskforge',
  limits: {
    seriesPerMetric: 2_000,
    seriesTotal: 60_000,
    maxLabelBound: 256,
  },
});
