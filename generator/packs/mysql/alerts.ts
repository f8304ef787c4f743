import { alert, defineRules, fires, input, pending, promql, silent, type PackSettings, type RulesDef } from '../../index.ts';
import { domain as mysql } from './domain.ts';
import type { MysqlThresholds } from './index.ts';
import { countJustOver } from '../humanize.ts';

/**
 * MySQL through mysqld_exporter: the server down, connections near max_connections. A data store
 * is a cause, not a symptom: the services using it page on their own errors and latency, so these
 * alerts open tickets (warning) and their runbooks say what the services feel.
 */
export function mysqlRules({ job, thresholds: t, escalation }: PackSettings<MysqlThresholds>): RulesDef {
  const target = { job, instance: 'mysql-exporter:9104' } as const;
  const up = (values: string) => input(mysql.metrics.up, { ...target }, values);
  const connections = (connected: number) => [
    input(mysql.metrics.threadsConnected, { ...target }, `${connected}x30`),
    input(mysql.metrics.maxConnections, { ...target }, '100x30'),
  ];
  // Connections out of 100 just over the threshold.
  const over = countJustOver(t.mysqlConnectionsRatio, 100);
  const down = { labels: { ...target }, summary: `MySQL behind ${target.instance} is down`, description: `mysqld_exporter ${target.instance} has not reached MySQL for 5 minutes.` };
  const near = (percent: number) => ({
    labels: { ...target },
    summary: `MySQL ${target.instance} is near max_connections`,
    description: `MySQL ${target.instance} uses ${percent}% of max_connections.`,
  });

  return defineRules({
    name: 'mysql',
    title: 'MySQL (mysqld_exporter)',
    alerts: [
      alert({
        name: 'MysqlDown',
        severity: 'warning',
        // The exporter keeps answering while MySQL is down: mysql_up, not up, says so. max_over_time: one failed probe is not an outage.
        expr: promql`max_over_time(${mysql.metrics.up}[1m]) == 0`,
        for: '5m',
        scenario: { target, series: (value, s) => [input(mysql.metrics.up, { ...s.target }, s.gauge(value))] },
        summary: 'MySQL behind {{ $labels.instance }} is down',
        description: 'mysqld_exporter {{ $labels.instance }} has not reached MySQL for 5 minutes.',
        blindSpot: 'When the exporter itself is gone, mysql_up goes with it: TargetDown (up == 0) covers that case.',
        runbook: {
          meaning: 'The exporter cannot connect to MySQL: the server is down, or refuses connections. Every query of the services using it fails.',
          causes: ['mysqld crashed or was stopped (OOM, disk full, a failed upgrade).', 'max_connections reached: the exporter cannot get a connection either.', "The exporter's credentials were changed."],
          checks: ['MySQL dashboard: MySQL up, connections.', "systemctl status mysql or the pod's state; the MySQL error log.", "mysqladmin ping from the exporter's host."],
          fix: ['Start MySQL again; if it fails to start, read the error log (disk full, corrupted table, InnoDB recovery).', 'If connections are exhausted, see MysqlConnectionsNearLimit.'],
          escalation,
          query: promql`${mysql.metrics.up}`,
          panel: { dashboard: 'mysql', panel: 'MySQL up' },
        },
        tests: [
          fires('MySQL down for 10 minutes', { at: '10m', series: [up('1 0x30')], alerts: [down] }),
          fires('MySQL down, the exporter missing a scrape', { at: '10m', series: [up('1 0x3 _ 0x30')], alerts: [down] }),
          silent('up', { at: '10m', series: [up('1x30')] }),
          silent('one failed probe', { at: '10m', series: [up('1x5 0 1x30')] }),
          pending('down for less than 5 minutes', { at: '6m', series: [up('1 0x30')] }),
        ],
      }),
      alert({
        name: 'MysqlConnectionsNearLimit',
        severity: 'warning',
        expr: promql`${mysql.metrics.threadsConnected} / ${mysql.metrics.maxConnections} > ${t.mysqlConnectionsRatio}`,
        for: '5m',
        scenario: {
          target,
          series: (used, s) => [input(mysql.metrics.threadsConnected, { ...s.target }, s.gauge(used * 100)), input(mysql.metrics.maxConnections, { ...s.target }, s.gauge(100))],
        },
        summary: 'MySQL {{ $labels.instance }} is near max_connections',
        description: 'MySQL {{ $labels.instance }} uses {{ $value | humanizePercentage }} of max_connections.',
        runbook: {
          meaning: 'MySQL is about to refuse new connections: services will fail to get one.',
          causes: ['Connection pools sized above what MySQL allows.', 'Connections leaked or held by long transactions.'],
          checks: ['MySQL dashboard: MySQL connections against max_connections.', 'SHOW PROCESSLIST for who holds connections.', 'Pool sizes of the services that connect.'],
          fix: [
            'Kill the idle or stuck sessions holding connections (`KILL <id>`); restart the service that leaks them.',
            "Make the sum of the pools' maximums fit max_connections, or raise it (SET GLOBAL max_connections, then my.cnf).",
          ],
          escalation,
          query: promql`${mysql.metrics.threadsConnected} / ${mysql.metrics.maxConnections}`,
          panel: { dashboard: 'mysql', panel: 'MySQL connections' },
        },
        tests: [
          fires(`${over + 9} of 100 connections`, { at: '10m', series: connections(over + 9), alerts: [near(over + 9)] }),
          fires(`${over} of 100 connections, just after 5 minutes`, { at: '6m', series: connections(over), alerts: [near(over)] }),
          silent(`${over - 1} of 100 connections: at the threshold`, { at: '10m', series: connections(over - 1) }),
          pending('near the limit for less than 5 minutes', { at: '4m', series: connections(over + 9) }),
        ],
      }),
    ],
  });
}
