/**
 * What a Prometheus server has scraped, per job, as exposition families: metric metadata (types)
 * from /api/v1/targets/metadata and label sets from /api/v1/series. Recording-rule outputs and
 * the series Prometheus writes itself (up, scrape_*, ALERTS) are not the target's and are left out.
 */
import type { ExposedType, Family, Sample } from '../exposition/parse.ts';
import { apiData, fetchText } from './http.ts';

const SUFFIXES: Record<string, readonly string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count'] };

/**
 * The data of one API call, checked to be what `path` answers (`expected` says what that is): a
 * proxy or another server can answer `success` with other data, which would fail later as
 * "cannot read properties of undefined".
 */
async function api<T>(base: string, path: string, params: Record<string, string | string[]>, timeoutSeconds: number, isExpected: (data: unknown) => boolean, expected: string): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, v);
  const url = `${base}${path}?${query}`;
  const data = apiData<unknown>(url, await fetchText(url, timeoutSeconds));
  if (!isExpected(data)) throw new Error(`not a Prometheus API: ${url} answered success, but its data is not ${expected}; is ${base} a Prometheus server?`);
  return data as T;
}
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const listOf = (value: unknown, item: (entry: Record<string, unknown>) => boolean) => Array.isArray(value) && value.every((entry) => isObject(entry) && item(entry));

export async function scrapedJobs(base: string, timeoutSeconds: number): Promise<string[]> {
  const data = await api<{ activeTargets: { labels: { job: string } }[] }>(base, '/api/v1/targets', { state: 'active' }, timeoutSeconds,
    (d) => isObject(d) && listOf(d.activeTargets, (target) => isObject(target.labels) && typeof target.labels.job === 'string'), 'a list of active targets with their job');
  return [...new Set(data.activeTargets.map((target) => target.labels.job))].sort();
}

export async function familiesOfJob(base: string, job: string, synthetic: ReadonlySet<string>, timeoutSeconds: number): Promise<Map<string, Family>> {
  const selector = `{job=${JSON.stringify(job)}}`;
  const metadata = await api<{ metric: string; type: string; help: string }[]>(base, '/api/v1/targets/metadata', { match_target: selector }, timeoutSeconds,
    (d) => listOf(d, (entry) => typeof entry.metric === 'string' && typeof entry.type === 'string'), 'a list of metric metadata');
  const series = await api<Record<string, string>[]>(base, '/api/v1/series', { 'match[]': selector }, timeoutSeconds, (d) => listOf(d, () => true), 'a list of label sets');
  const families = new Map<string, Family>();
  for (const entry of metadata) {
    if (!families.has(entry.metric)) {
      families.set(entry.metric, { name: entry.metric, type: (entry.type === 'unknown' ? 'untyped' : entry.type) as ExposedType, help: entry.help, samples: [], emptyLabelsDropped: true });
    }
  }
  const familyOf = (name: string): Family | undefined => {
    const direct = families.get(name);
    if (direct) return direct;
    for (const family of families.values()) if ((SUFFIXES[family.type] ?? []).some((suffix) => name === family.name + suffix)) return family;
    return undefined;
  };
  for (const labels of series) {
    const { __name__: name = '', job: _job, instance: _instance, ...rest } = labels;
    // Recording rules (level:metric:operations) and alert state are Prometheus's, not the target's.
    if (name.includes(':') || synthetic.has(name)) continue;
    const sample: Sample = { name, labels: rest, value: NaN };
    const family = familyOf(name);
    if (family) family.samples.push(sample);
    else families.set(name, { name, type: 'untyped', help: '', samples: [sample], emptyLabelsDropped: true });
  }
  return families;
}
