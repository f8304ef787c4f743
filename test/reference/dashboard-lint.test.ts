/**
 * Grafana's dashboard linter over the committed output, read as the linter reads it: each
 * generated dashboard JSON with the `.lint` file beside it. Every finding is excused there, each
 * exclusion has its reason, and none is stale (each excuses something the linter reports).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { LintDashboard } from '../../generator/grafana/lint/dashboard.ts';
import { isExcluded, lintDashboard, type LintExclusions } from '../../generator/grafana/lint/lint.ts';
import { REPO } from '../helpers/project.ts';

const OUTPUTS = { 'the reference project': join(REPO, 'generated/grafana/dashboards'), 'the golden fixture': join(REPO, 'test/golden/grafana/dashboards') };

describe.each(Object.entries(OUTPUTS))('the dashboard linter over %s', (_, root) => {
  const folders = readdirSync(root);

  it.each(folders)('passes every dashboard of folder %s, exclusions applied', (folder) => {
    const lintPath = join(root, folder, '.lint');
    const exclusions = existsSync(lintPath) ? ((yaml.load(readFileSync(lintPath, 'utf8')) as { exclusions: LintExclusions }).exclusions ?? {}) : {};
    const used = new Set<object>();
    for (const file of readdirSync(join(root, folder)).filter((name) => name.endsWith('.json'))) {
      const dashboard = JSON.parse(readFileSync(join(root, folder, file), 'utf8')) as LintDashboard;
      for (const finding of lintDashboard(dashboard)) {
        const where = `${file} ${finding.panel?.title ?? ''} ${finding.targetIdx ?? ''}: ${finding.message} [${finding.rule.name}]`;
        expect(isExcluded(finding, dashboard.title ?? '', exclusions), where).toBe(true);
        for (const entry of exclusions[finding.rule.name]?.entries ?? []) {
          if (isExcluded(finding, dashboard.title ?? '', { [finding.rule.name]: { entries: [entry] } })) used.add(entry);
        }
      }
    }
    for (const [rule, spec] of Object.entries(exclusions)) {
      for (const entry of spec?.entries ?? []) {
        expect(entry.reason, `${rule} ${entry.panel}`).toBeTruthy();
        expect(used.has(entry), `stale exclusion: ${rule} ${entry.dashboard} ${entry.panel}`).toBe(true);
      }
    }
  });
});
