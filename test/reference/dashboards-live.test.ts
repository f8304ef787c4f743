/**
 * The reference's own dashboards under a real Prometheus: every query, Grafana variables
 * substituted, is accepted. The engine's dashboards (the fixture's and every pack's) are proven the
 * same way in test/dashboards-live.test.ts.
 */
import { expect } from 'vitest';
import { runPipeline } from '../../generator/pipeline.ts';
import { dashboardQueries, dashboardQueriesSuite } from '../helpers/dashboards-live.ts';
import { REPO } from '../helpers/project.ts';

const result = await runPipeline(REPO);
if (!result.ok) throw new Error('the reference project is invalid');
const { model } = result;

dashboardQueriesSuite(model, () => {
  expect(dashboardQueries(model).panels.length).toBeGreaterThan(50);
});
