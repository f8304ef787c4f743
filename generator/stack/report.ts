/**
 * What the native stack tells its user: where each part listens, what it did not start and where
 * that program is expected, and, once Prometheus has scraped every target and loaded the rules, the
 * targets' health. `healthy` is the verdict of `sextant stack --check`.
 */
import { relative } from 'node:path';
import { waitFor } from './process.ts';
import { ruleGroupCount, type Stack } from './index.ts';

export interface TargetHealth {
  readonly job: string;
  readonly instance: string;
  readonly health: 'up' | 'down' | 'unknown';
  readonly lastError: string;
}

export interface StackHealth {
  readonly targets: readonly TargetHealth[];
  /** Rule groups Prometheus has loaded, and how many the generated rule files hold. */
  readonly ruleGroups: { readonly loaded: number; readonly expected: number };
  /** Every part the stack started is up, and every rule group is loaded. */
  readonly healthy: boolean;
}

interface TargetsResponse {
  data: { activeTargets: { labels: Record<string, string>; scrapeUrl: string; health: TargetHealth['health']; lastError: string }[] };
}
interface RulesResponse {
  data: { groups: unknown[] };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function stackHealth(stack: Stack): Promise<StackHealth> {
  const [targets, rules] = await Promise.all([
    getJson<TargetsResponse>(`${stack.urls.prometheus}/api/v1/targets?state=active`),
    getJson<RulesResponse>(`${stack.urls.prometheus}/api/v1/rules`),
  ]);
  const health = targets.data.activeTargets
    .map((target) => ({ job: target.labels.job ?? '', instance: target.labels.instance ?? new URL(target.scrapeUrl).host, health: target.health, lastError: target.lastError }))
    .sort((a, b) => a.job.localeCompare(b.job) || a.instance.localeCompare(b.instance));
  const started = new Set(stack.parts.map((part) => new URL(part.url).host));
  const ruleGroups = { loaded: rules.data.groups.length, expected: ruleGroupCount(stack) };
  return {
    targets: health,
    ruleGroups,
    healthy: health.filter((target) => started.has(target.instance)).every((target) => target.health === 'up') && ruleGroups.loaded === ruleGroups.expected,
  };
}

/** Waits until Prometheus has scraped every target once (up or down) and loaded every rule group. */
export async function waitUntilScraped(stack: Stack, timeoutMs = 120_000, signal?: AbortSignal): Promise<StackHealth> {
  let last: StackHealth | undefined;
  await waitFor(
    'Prometheus to scrape every target and load the rules',
    async () => {
      last = await stackHealth(stack);
      return last.targets.length > 0 && last.targets.every((target) => target.health !== 'unknown') && last.ruleGroups.loaded === last.ruleGroups.expected;
    },
    { timeoutMs, intervalMs: 500, signal },
  );
  return last ?? stackHealth(stack);
}

/** The parts, their URLs and PIDs, and what the stack left to the user. */
export function describeStack(stack: Stack, root: string): string[] {
  const width = Math.max(14, ...stack.parts.map((part) => part.name.length + 2));
  const where = (part: Stack['parts'][number]) => (part.name === 'node_exporter' || part.kind === 'service' ? `${part.url}/metrics` : part.url);
  const lines = [
    `Environment ${stack.plan.environment} (${stack.plan.configFile}), on 127.0.0.1; data in ${inside(root, stack.dataDir) ? relative(root, stack.dataDir) : `${stack.dataDir} (removed on stop)`}:`,
    ...stack.parts.map((part) => `  ${part.name.padEnd(width)}${where(part).padEnd(32)} pid ${part.pid ?? '?'}`),
    `  ${'notifications'.padEnd(width)}${stack.urls.receiver.padEnd(32)} (built in: Alertmanager's webhooks, logged here)`,
  ];
  if (stack.notStarted.length > 0) {
    lines.push('Not started (the stack cannot run them; start each where its target expects it):');
    for (const target of stack.notStarted) lines.push(`  ${target.job.padEnd(width)}expected on ${target.address}`);
  }
  lines.push(
    `Prometheus UI: ${stack.urls.prometheus} (alerts: ${stack.urls.prometheus}/alerts); Alertmanager: ${stack.urls.alertmanager}`,
    `Rules: generated/prometheus/rules, read in place; after \`sextant generate\`: curl -X POST ${stack.urls.prometheus}/-/reload`,
    'Grafana is not packaged for Debian: run the compose stack for dashboards.',
  );
  return lines;
}

const inside = (root: string, path: string) => !relative(root, path).startsWith('..');

export function describeHealth(stack: Stack, health: StackHealth): string[] {
  const notStarted = new Set(stack.notStarted.map((target) => target.address));
  const width = Math.max(14, ...health.targets.map((target) => target.job.length + 2));
  return [
    'Targets:',
    ...health.targets.map((target) => {
      const why = target.health === 'up' ? '' : notStarted.has(target.instance) ? '  not started by the stack' : target.lastError ? `  ${target.lastError}` : '';
      return `  ${target.health.padEnd(6)}${target.job.padEnd(width)}${target.instance}${why}`;
    }),
    `Rule groups loaded: ${health.ruleGroups.loaded} of ${health.ruleGroups.expected}`,
  ];
}
