/**
 * Grafana output: the dashboards as JSON in one directory per folder, with the `.lint` exclusions
 * Grafana's dashboard linter reads beside them (where some rule does not apply), the provisioning files
 * that load them (one provider per folder, read-only) and the Prometheus and Alertmanager
 * datasources (fixed uids, so dashboards and links never depend on names).
 */
import type { SextantConfig } from '../config.ts';
import { folderDirectory } from '../dsl/dashboards.ts';
import { buildDashboard } from '../grafana/build.ts';
import { folderLintFile } from '../grafana/lint/exclusions.ts';
import { queryContextOf } from '../promql/model-context.ts';
import type { Model, ModelDashboard } from '../model/types.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { toYaml } from './yaml.ts';

export const PROMETHEUS_DATASOURCE_UID = 'prometheus';
export const ALERTMANAGER_DATASOURCE_UID = 'alertmanager';

export const dashboardPath = (dashboard: ModelDashboard): string => `grafana/dashboards/${folderDirectory(dashboard.folder)}/${dashboard.uid}.json`;

/** Each dashboard's text, for the config it was built with: the grafana and kubernetes stages both write it. */
const texts = new WeakMap<ModelDashboard, { readonly config: SextantConfig; readonly json: string }>();

/** A dashboard's file as Grafana reads it: the file under grafana/dashboards/ and the operator's ConfigMap hold the same text. */
export function dashboardJson(dashboard: ModelDashboard, config: SextantConfig): string {
  const cached = texts.get(dashboard);
  if (cached?.config === config) return cached.json;
  const json = `${stableJson(buildDashboard(dashboard, config))}\n`;
  texts.set(dashboard, { config, json });
  return json;
}

export const grafanaStage: Stage = {
  name: 'grafana dashboards and provisioning',
  render(model) {
    if (model.dashboards.length === 0) return [];
    return [
      ...model.dashboards.map((dashboard): GeneratedFile => ({ path: dashboardPath(dashboard), content: dashboardJson(dashboard, model.config) })),
      ...lintFiles(model),
      { path: 'grafana/provisioning/datasources/datasources.yml', content: toYaml(datasources(model)) },
      { path: 'grafana/provisioning/dashboards/dashboards.yml', content: toYaml(providers(model)) },
    ];
  },
};

function lintFiles(model: Model): GeneratedFile[] {
  const context = queryContextOf(model);
  return model.config.grafana.folders.flatMap((folder) => {
    const file = folderLintFile(
      model.dashboards.filter((dashboard) => dashboard.folder === folder),
      context,
      model.config,
    );
    // The linter decodes its untagged TargetIdx field from the lower-case key `targetidx`.
    return file ? [{ path: `grafana/dashboards/${folderDirectory(folder)}/.lint`, content: toYaml(file) }] : [];
  });
}

function datasources(model: Model) {
  const { grafana, prometheus } = model.config;
  return {
    apiVersion: 1,
    datasources: [
      {
        name: 'Prometheus',
        uid: PROMETHEUS_DATASOURCE_UID,
        type: 'prometheus',
        access: 'proxy',
        url: grafana.prometheusUrl,
        isDefault: true,
        editable: false,
        // Grafana sizes $__rate_interval from the scrape interval.
        jsonData: { timeInterval: prometheus.scrapeInterval, httpMethod: 'POST' },
      },
      {
        name: 'Alertmanager',
        uid: ALERTMANAGER_DATASOURCE_UID,
        type: 'alertmanager',
        access: 'proxy',
        url: grafana.alertmanagerUrl,
        editable: false,
        jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
      },
    ],
  };
}

function providers(model: Model) {
  const used = new Set(model.dashboards.map((dashboard) => dashboard.folder));
  const folders = model.config.grafana.folders.filter((folder) => used.has(folder));
  return {
    apiVersion: 1,
    providers: folders.map((folder) => ({
      name: `${model.config.namespace}-${folderDirectory(folder)}`,
      orgId: 1,
      folder,
      folderUid: `${model.config.namespace}-${folderDirectory(folder)}`,
      type: 'file',
      disableDeletion: true,
      allowUiUpdates: false,
      updateIntervalSeconds: 30,
      options: { path: `${model.config.grafana.dashboardsPath}/${folderDirectory(folder)}`, foldersFromFilesStructure: false },
    })),
  };
}

/** JSON with object keys sorted, so a dashboard diffs the same whatever order the SDK set them in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
