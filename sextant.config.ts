/**
 * The one config object of this project. Everything tunable lives here; definitions read it,
 * they never repeat its values. Override a threshold here and the alert, its docs and the
 * expectations of its tests follow.
 */
import { defineConfig } from '#sextant';
import { FAULT_SWITCHES } from './exporter/faults.ts';

export default defineConfig({
  // Prefix of every application metric and recording rule: taskforge_http_requests_total.
  namespace: 'taskforge',
  limits: {
    seriesPerMetric: 2_000,
    seriesTotal: 60_000,
    maxLabelBound: 256,
  },
  // The seeds scrape every 10–15 s; range windows must cover four scrapes.
  prometheus: { scrapeInterval: '15s', evaluationInterval: '15s' },
  // The reference exporter's fault switches: the panels quiet when healthy name the one they show data under.
  faultSwitches: FAULT_SWITCHES.map((fault) => fault.name),
  // The operator output targets kube-prometheus-stack, which already scrapes these two programs.
  kubernetes: { operatorProvidedJobs: ['kube-state-metrics', 'cadvisor'] },
  alerts: {
    // Where generated/docs/alerts.md is served; runbook_url = this + '#<alertname in lower case>'.
    runbookBaseUrl: 'https://github.com/taskforge/monitoring/blob/main/generated/docs/alerts.md',
    thresholds: {
      httpErrorRatio: 0.05, // share of requests answered 5xx (seeds 002, 003)
      httpErrorsPerSecond: 0.1, // 5xx answers per second (seed 001)
      httpLatencyP95Seconds: 0.5, // p95 request latency (seed 002)
      failedLoginRatio: 0.3, // share of failed logins (seed 003)
      jobFailureRatio: 0.1, // share of finished jobs that did not succeed (seed 001)
      jobFailuresPerSecond: 10, // failed job attempts per second per queue (seed 000)
      queueLength: 1_000, // jobs waiting (seed 000)
      queueBacklogSeconds: 300, // time to drain the queue at the current rate (seed 000's autoscaling figure)
      eventQueueDepthWarning: 7_000, // 70 % of the in-memory transport's capacity (seed 002)
      eventQueueDepthCritical: 10_000, // the capacity itself (seed 002)
      eventBusLagP95Seconds: 5, // p95 publish-to-handle time
      cacheHitRatio: 0.5, // share of gets answered from the cache (seed 002)
      databaseQueryP95Seconds: 0.1, // p95 query time (seed 002)
      databasePoolUsageRatio: 0.8, // connections in use over the pool's maximum
      serviceRestartsPerHour: 5, // restarts of one service (seed 004)
      processCpuRatio: 0.8, // CPU seconds per second of one process (seed 000)
      processMemoryBytes: 536_870_912, // resident memory of one process, 512 MiB (seed 001)
      eventLoopLagSeconds: 0.5, // p99 event loop delay of a Node.js process
      nodeCpuRatio: 0.8, // host CPU busy (seed 003)
      nodeMemoryRatio: 0.85, // host memory in use (seed 003)
      nodeDiskFreeRatio: 0.15, // free space left on a file system (seed 003)
      nodeDiskFillHours: 4, // hours until a file system fills at its current rate
      mysqlConnectionsRatio: 0.8, // connections over max_connections (seed 003)
      mongodbConnections: 500, // open connections (seed 003)
      kafkaConsumerLag: 1_000, // messages a consumer group is behind (seed 003)
      usersOnlineMin: 10, // fewer users online than this is worth a look (seed 003)
      podRestartsIn15m: 0, // container restarts in 15 minutes above which it alerts (seed 003: any)
      containerMemoryLimitRatio: 0.9, // working set over the memory limit; at 1 the kernel OOM-kills
    },
  },
});
