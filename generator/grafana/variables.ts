/**
 * Grafana variables in panel queries, replaced by values Prometheus accepts, so the queries can be
 * checked offline and sent to a real Prometheus in the live tests.
 */
import { MIN_SCRAPES_PER_WINDOW } from '../promql/checks/range-window.ts';

export function substituteVariables(expr: string, scrapeIntervalSeconds: number): string {
  // Grafana's $__rate_interval is at least four scrape intervals; $__range is the dashboard's hour.
  const rateInterval = `${MIN_SCRAPES_PER_WINDOW * scrapeIntervalSeconds}s`;
  return expr
    .replace(/\$__rate_interval|\$\{__rate_interval\}/g, rateInterval)
    .replace(/\$__interval|\$\{__interval\}/g, rateInterval)
    .replace(/\$__range_s|\$\{__range_s\}/g, '3600')
    .replace(/\$__range|\$\{__range\}/g, '1h')
    .replace(/\$\{?[a-zA-Z_][a-zA-Z0-9_]*\}?/g, '.*');
}
