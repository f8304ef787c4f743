/**
 * Every dashboard query the engine builds, Grafana variables substituted, is accepted by a real
 * Prometheus: the offline checker follows Prometheus 3 syntax, the Prometheus the compose stack runs
 * (2.53) is the authority. Over the fixture project with every pack (test/helpers/every-pack.ts).
 */
import { afterAll, expect } from 'vitest';
import { dashboardQueries, dashboardQueriesSuite } from './helpers/dashboards-live.ts';
import { everyPackProject, LISTED_PACKS } from './helpers/every-pack.ts';

const { project, model } = await everyPackProject();
afterAll(() => project.remove());

dashboardQueriesSuite(model, () => {
  // Every dashboard's queries: the fixture's and each pack's.
  const { panels, variables } = dashboardQueries(model);
  expect(model.dashboards.length).toBe(LISTED_PACKS.length + 1);
  expect(panels.length).toBeGreaterThan(50);
  expect(variables.length).toBeGreaterThan(0);
});
