import type { Check } from '../check.ts';
import type { SextantConfig } from '../../config.ts';
import type { Problem } from '../../problems.ts';
import { durationSeconds } from '../../promql/duration.ts';
import { CONFIG_FILE } from '../../model/load.ts';
import { folderDirectory } from '../../dsl/dashboards.ts';
import { isBlank, shown, unreadable } from '../readable-text.ts';

/** Lowercase snake_case: the namespace, and the service names `sextant init` accepts (it makes them the namespace). */
export const NAMESPACE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const configCheck: Check = {
  id: 'config',
  summary:
    'The namespace is a lowercase snake_case word, limits are positive integers, intervals are durations, URLs are http(s) without credentials and take what the generator appends (no fragment; no query where a path is added), dashboard folders are readable and distinct, and thresholds are numbers.',
  fix: "Correct the value the message names in sextant.config.ts: the namespace in lowercase snake_case, a whole positive number for a limit, a duration such as '30s' for an interval, an http(s) URL without credentials (put secrets in a file the config names).",
  run({ config }) {
    const problems: Problem[] = [];
    const report = (definition: string, message: string) =>
      problems.push({ file: CONFIG_FILE, definition, check: this.id, message });
    if (typeof config.namespace !== 'string' || !NAMESPACE.test(config.namespace)) {
      report('namespace', `namespace '${String(config.namespace)}' must be lowercase snake_case, such as 'taskforge'`);
    }
    for (const [name, value] of Object.entries(config.limits)) {
      if (!Number.isInteger(value) || value < 1) report(`limits.${name}`, `must be a positive integer, got ${String(value)}`);
    }
    for (const name of ['scrapeInterval', 'evaluationInterval'] as const) {
      const value = config.prometheus[name];
      if (!(durationSeconds(String(value)) ?? 0)) report(`prometheus.${name}`, `'${String(value)}' is not a Prometheus duration such as 15s`);
    }
    const urls = [
      // Every runbook_url is the base plus #<alert anchor>.
      ['alerts.runbookBaseUrl', config.alerts.runbookBaseUrl, 'fragment'],
      // Grafana adds its API paths (/api/v1/query…) to a datasource URL.
      ['grafana.prometheusUrl', config.grafana.prometheusUrl, 'path'],
      ['grafana.alertmanagerUrl', config.grafana.alertmanagerUrl, 'path'],
      ['alertmanager.pageWebhookUrl', config.alertmanager.pageWebhookUrl, 'nothing'],
      ['alertmanager.ticketWebhookUrl', config.alertmanager.ticketWebhookUrl, 'nothing'],
      ['alertmanager.infoWebhookUrl', config.alertmanager.infoWebhookUrl, 'nothing'],
      ['alertmanager.metaWebhookUrl', config.alertmanager.metaWebhookUrl, 'nothing'],
      ['alertmanager.deadMansSwitchUrl', config.alertmanager.deadMansSwitchUrl, 'nothing'],
    ] as const;
    for (const [where, url, appended] of urls) {
      const problem = urlProblem(url, appended);
      if (problem) report(where, problem);
    }
    for (const problem of separateReceivers(config.alertmanager)) report(problem.where, problem.message);
    if (!String(config.grafana.dashboardsPath).startsWith('/')) report('grafana.dashboardsPath', 'must be an absolute path inside the Grafana container');
    for (const message of folderProblems(config.grafana.folders, String(config.namespace))) report('grafana.folders', message);
    for (const [name, value] of Object.entries(config.alerts.thresholds)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) report(`alerts.thresholds.${name}`, `must be a finite number, got ${String(value)}`);
    }
    return problems;
  },
};

/** Grafana's limit on a folder uid (`<namespace>-<directory>`), as on a dashboard uid. */
const MAX_FOLDER_UID = 40;

/**
 * Folder names are shown in Grafana's folder list and each names a directory and a folder uid: they
 * must be readable, and distinct once made a directory (`Team A` and `team-a` would share one).
 */
function folderProblems(folders: unknown, namespace: string): string[] {
  if (!Array.isArray(folders) || folders.length === 0) return ['must list at least one folder name, such as [\'Overview\', \'Service\']'];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const folder of folders as unknown[]) {
    if (isBlank(folder)) {
      problems.push(`${shown(folder)} is blank: a folder needs a name people can read`);
      continue;
    }
    const name = String(folder);
    const bad = unreadable(name);
    if (bad) {
      problems.push(`${shown(name)} ${bad}; remove it`);
      continue;
    }
    const directory = folderDirectory(name);
    if (directory === '') {
      problems.push(`${shown(name)} has no letter or digit to name its directory and uid; use a name with some`);
      continue;
    }
    const uid = `${namespace}-${directory}`;
    if (uid.length > MAX_FOLDER_UID) problems.push(`${shown(name)} makes the folder uid '${uid}', over Grafana's ${MAX_FOLDER_UID} characters; shorten it`);
    const earlier = seen.get(directory);
    if (earlier !== undefined) problems.push(`${shown(name)} and ${shown(earlier)} are one folder (directory grafana/dashboards/${directory}); name each once`);
    else seen.set(directory, name);
  }
  return problems;
}

/**
 * Why a configured URL cannot be used as the generator uses it, or undefined. `appended` is what is
 * added to it: a fragment (the runbook anchor), a path (a datasource's API), or nothing.
 */
export function urlProblem(text: unknown, appended: 'fragment' | 'path' | 'nothing'): string | undefined {
  if (!isHttpUrl(text)) return `'${String(text)}' is not an http(s) URL`;
  // The URL parser drops tabs and line breaks, but the generated files would carry them as written.
  if (/[\s\p{Cc}]/u.test(String(text))) return `'${JSON.stringify(String(text)).slice(1, -1)}' holds a space, tab, line break or control character; percent-encode it (%20) or remove it`;
  const url = new URL(String(text));
  if (url.username !== '' || url.password !== '') {
    return `'${url.host}${url.pathname}' carries credentials (user:password@), which would be written in clear into the generated files and Kubernetes objects; remove them, and keep the secret in a file (for remote write: prometheus.remoteWrite.bearerTokenFile) or in the receiving service's own configuration`;
  }
  // The URL parser takes port 0 (it refuses 65536 and up), but no service listens there.
  if (url.port === '0') return `'${String(text)}' has port 0, where nothing can listen; give the port of the service (1–65535)`;
  if (url.hash !== '' || String(text).includes('#')) {
    return `'${String(text)}' has a fragment (#…)${appended === 'fragment' ? ', and the generator appends #<alert anchor> to it' : ', which is never sent to the server'}; remove it`;
  }
  if (appended === 'path' && url.search !== '') return `'${String(text)}' has a query string, but Grafana appends API paths to it; remove the ?…`;
  return undefined;
}

export function isHttpUrl(text: unknown): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(String(text)).protocol);
  } catch {
    return false;
  }
}

/**
 * The meta receiver reports failures of the page and ticket webhooks, and the dead man's switch the
 * failure of everything: sharing an endpoint with what they watch, they would fail with it.
 */
function separateReceivers(urls: SextantConfig['alertmanager']): { where: string; message: string }[] {
  const watched = [
    ['pageWebhookUrl', urls.pageWebhookUrl],
    ['ticketWebhookUrl', urls.ticketWebhookUrl],
  ] as const;
  const problems: { where: string; message: string }[] = [];
  for (const [name, url] of watched) {
    if (urls.metaWebhookUrl === url) {
      problems.push({
        where: 'alertmanager.metaWebhookUrl',
        message: `is the same endpoint as alertmanager.${name}: the alerts reporting that its notifications fail would go through it and fail too; give the meta receiver another endpoint (ideally another service)`,
      });
    }
  }
  for (const [name, url] of [...watched, ['infoWebhookUrl', urls.infoWebhookUrl], ['metaWebhookUrl', urls.metaWebhookUrl]] as const) {
    if (urls.deadMansSwitchUrl === url) {
      problems.push({
        where: 'alertmanager.deadMansSwitchUrl',
        message: `is the same endpoint as alertmanager.${name}: the Watchdog would arrive there every minute as a notification; point it at a dead man's switch outside this system (healthchecks.io, Dead Man's Snitch, PagerDuty's heartbeat)`,
      });
    }
  }
  return problems;
}
