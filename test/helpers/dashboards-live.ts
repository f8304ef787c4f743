/**
 * Every dashboard query of a model, Grafana variables substituted, sent to a real Prometheus (with
 * nothing to scrape): the offline checker follows Prometheus 3 syntax, the Prometheus the compose
 * stack runs (2.53) is the authority. Shared by the engine's test (the fixture and every pack) and
 * the reference's (its own dashboards).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { substituteVariables } from '../../generator/grafana/variables.ts';
import type { Model } from '../../generator/model/types.ts';
import { freePort, startServer, type Server } from './servers.ts';

const SCRAPE_SECONDS = 15;

export function dashboardQueries(model: Model) {
  const panels = model.dashboards.flatMap((dashboard) =>
    dashboard.panels.flatMap((panel) =>
      panel.targets.map((target) => ({ where: `${dashboard.uid} "${panel.title}" ${target.refId}`, expr: substituteVariables(target.expr, SCRAPE_SECONDS) })),
    ),
  );
  /** label_values(selector, label) is Grafana's; Prometheus must accept the selector inside it. */
  const variables = model.dashboards.flatMap((dashboard) =>
    dashboard.variables.map((variable) => {
      const [, selector, label] = /^label_values\((.*), (\w+)\)$/.exec(variable.query)!;
      return { where: `${dashboard.uid} $${variable.name}`, expr: `group by (${label}) (${substituteVariables(selector!, SCRAPE_SECONDS)})` };
    }),
  );
  return { panels, variables };
}

/** The suite: each panel query and variable selector accepted, and a syntax error refused (so it can fail). */
export function dashboardQueriesSuite(model: Model, expectations: () => void): void {
  const { panels, variables } = dashboardQueries(model);
  const dir = mkdtempSync(join(tmpdir(), 'sextant-dashboards-'));
  let prometheus: Server;

  beforeAll(async () => {
    const port = await freePort();
    writeFileSync(join(dir, 'prometheus.yml'), 'global: { scrape_interval: 15s }\nscrape_configs: []\n');
    prometheus = await startServer(
      'prometheus',
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      `http://127.0.0.1:${port}`,
      '/-/ready',
    );
  });

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function instantQuery(expr: string): Promise<{ status: string; error?: string }> {
    const response = await fetch(`${prometheus.url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: expr }) });
    return (await response.json()) as { status: string; error?: string };
  }

  describe('dashboard queries against a real Prometheus', () => {
    it('has the queries it should send', expectations);

    it.each(panels)('accepts panel query $where', async ({ expr }) => {
      const answer = await instantQuery(expr);
      expect(answer.error ?? '', expr).toBe('');
      expect(answer.status).toBe('success');
    });

    it.each(variables)('accepts the selector of variable $where', async ({ expr }) => {
      expect((await instantQuery(expr)).status, expr).toBe('success');
    });

    it('refuses a query with a syntax error, so the test above can fail', async () => {
      expect((await instantQuery('sum(rate(x[5m])')).status).toBe('error');
    });
  });
}
