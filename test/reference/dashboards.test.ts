/** The reference dashboards and their provisioning: what issue 4 and the reference system require of them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { FOLDERS } from '../../generator/dsl/dashboards.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { REPO } from '../helpers/project.ts';

const generated = (path: string) => readFileSync(join(REPO, 'generated', path), 'utf8');

describe('the reference dashboards', async () => {
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error('the reference project is invalid');
  const { dashboards } = result.model;

  it('has at least six dashboards, in every audience folder', () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(6);
    expect(new Set(dashboards.map((d) => d.folder))).toEqual(new Set(FOLDERS));
  });

  it('gives every panel a description and every dashboard job and instance variables', () => {
    for (const dashboard of dashboards) {
      expect(dashboard.variables.map((v) => v.name).slice(0, 2), dashboard.uid).toEqual(['job', 'instance']);
      for (const panel of dashboard.panels) expect(panel.description, `${dashboard.uid} ${panel.title}`).not.toBe('');
    }
  });

  it('writes each dashboard to grafana/dashboards/<folder>/<uid>.json with its uid', () => {
    for (const dashboard of dashboards) {
      const json = JSON.parse(generated(`grafana/dashboards/${dashboard.folder.toLowerCase()}/${dashboard.uid}.json`)) as { uid: string; links: { type: string }[] };
      expect(json.uid).toBe(dashboard.uid);
      expect(json.links.map((l) => l.type)).toContain('dashboards');
    }
  });

  it('links alert panels to runbook sections that exist', () => {
    const alertsDoc = generated('docs/alerts.md');
    const linked = dashboards.flatMap((d) => d.panels.flatMap((p) => p.alerts));
    expect(linked.length).toBeGreaterThan(20);
    for (const alert of linked) expect(alertsDoc).toContain(`<a id="${alert.toLowerCase()}"></a>${alert}`);
  });

  it('provisions one read-only provider per folder and the datasources under fixed uids', () => {
    const providers = (yaml.load(generated('grafana/provisioning/dashboards/dashboards.yml')) as { providers: { folder: string; allowUiUpdates: boolean; options: { path: string } }[] }).providers;
    expect(providers.map((p) => p.folder)).toEqual([...FOLDERS]);
    for (const provider of providers) {
      expect(provider.allowUiUpdates).toBe(false);
      expect(provider.options.path).toBe(`/var/lib/grafana/dashboards/${provider.folder.toLowerCase()}`);
    }
    const datasources = (yaml.load(generated('grafana/provisioning/datasources/datasources.yml')) as { datasources: { uid: string; type: string }[] }).datasources;
    expect(datasources.map((d) => [d.uid, d.type])).toEqual([['prometheus', 'prometheus'], ['alertmanager', 'alertmanager']]);
  });

  it('documents every dashboard and panel in docs/dashboards.md', () => {
    const doc = generated('docs/dashboards.md');
    for (const dashboard of dashboards) {
      expect(doc).toContain(`<a id="${dashboard.uid}"></a>${dashboard.title}`);
      for (const panel of dashboard.panels) expect(doc).toContain(panel.title);
    }
  });
});
