/**
 * The one config object of this project. Everything tunable lives here; definitions read it,
 * they never repeat its values. Override a threshold here and the alert, its docs and the
 * expectations of its tests follow.
 */
import { defineConfig } from 'sextant';
import alertmanager from 'sextant/packs/alertmanager';
import kafka from 'sextant/packs/kafka';
import kubernetes from 'sextant/packs/kubernetes';
import mongodb from 'sextant/packs/mongodb';
import mysql from 'sextant/packs/mysql';
import node from 'sextant/packs/node';
import prometheus from 'sextant/packs/prometheus';
import { DATASTORE_ESCALATION, MONITORING_ESCALATION, PLATFORM_ESCALATION } from './alerts/shared/platform.ts';
import { NODE } from './alerts/shared/targets.ts';
import { FAULT_SWITCHES } from './exporter/faults.ts';
import { imageOf } from './versions.ts';

export default defineConfig({
  // Prefix of every application metric and recording rule: taskforge_http_requests_total.
  namespace: 'taskforge',
  limits: {
    seriesPerMetric: 2_000,
    seriesTotal: 60_000,
    maxLabelBound: 256,
  },
  // Services are scraped every 10–15 s; range windows must cover four scrapes.
  prometheus: { scrapeInterval: '15s', evaluationInterval: '15s' },
  // The reference exporter's fault switches: the panels quiet when healthy name the one they show data under.
  faultSwitches: FAULT_SWITCHES.map((fault) => fault.name),
  kubernetes: {
    // The operator output targets kube-prometheus-stack, which already scrapes these two programs.
    operatorProvidedJobs: ['kube-state-metrics', 'cadvisor'],
    // The plain manifests run the versions pinned in versions.json, as the compose stack does.
    images: { prometheus: imageOf('prometheus'), alertmanager: imageOf('alertmanager') },
  },
  // The alerting pipeline is the monitoring owners'; Kubernetes and hosts (node_exporter) are the platform's;
  // the chat services' data stores are reached through their exporters. Thresholds are the packs' defaults.
  packs: [
    alertmanager({ escalation: MONITORING_ESCALATION }),
    kafka(dataStore('Kafka', 'kafka-exporter', 9308)),
    kubernetes({ escalation: PLATFORM_ESCALATION }),
    mongodb(dataStore('MongoDB', 'mongodb-exporter', 9216)),
    mysql(dataStore('MySQL', 'mysqld-exporter', 9104)),
    node({ job: NODE.job, escalation: PLATFORM_ESCALATION }),
    prometheus({ escalation: MONITORING_ESCALATION }),
  ],
  alerts: {
    // Where generated/docs/alerts.md is served; runbook_url = this + '#<alertname in lower case>'.
    runbookBaseUrl: 'https://github.com/taskforge/monitoring/blob/main/generated/docs/alerts.md',
    thresholds: {
      httpErrorRatio: 0.05, // share of requests answered 5xx; the SLO allows 5 %
      httpMinRequestsPerSecond: 1, // traffic floor of the HTTP ratio and latency alerts: 300 requests in 5 minutes
      httpLatencyP95Seconds: 0.5, // p95 request latency; the SLO keeps it under 500 ms
      failedLoginRatio: 0.3, // share of failed logins; above it, suspect an attack or a broken login
      jobFailureRatio: 0.1, // share of finished jobs that did not succeed
      jobsMinPerSecond: 0.1, // traffic floor of the job failure ratio: 30 finished jobs in 5 minutes
      loginsMinPerSecond: 0.1, // traffic floor of the failed login ratio: 30 attempts in 5 minutes
      cacheMinGetsPerSecond: 1, // traffic floor of the cache hit ratio
      databaseMinQueriesPerSecond: 1, // traffic floor of the query latency and error alerts
      databaseQueryErrorRatio: 0.05, // share of queries that fail
      queueOldestJobSeconds: 900, // age of the oldest waiting job: users wait this long for their task
      openFdsRatio: 0.8, // open file descriptors over the process limit
      queueBacklogSeconds: 300, // time to drain the queue at the current rate; the worker pool scales out on it
      eventQueueDepthWarning: 7_000, // 70 % of the in-memory transport's capacity of 10 000 events
      eventQueueDepthCritical: 10_000, // the capacity itself: a full transport dead-letters every new event
      eventBusLagP95Seconds: 5, // p95 publish-to-handle time
      cacheHitRatio: 0.5, // share of gets answered from the cache
      databaseQueryP95Seconds: 0.1, // p95 query time
      databasePoolUsageRatio: 0.8, // connections in use over the pool's maximum
      serviceRestartsPerHour: 5, // restarts of one service
      processCpuRatio: 0.8, // CPU seconds per second of one process (80 % of a core)
      processMemoryBytes: 536_870_912, // resident memory of one process, 512 MiB
      eventLoopLagSeconds: 0.5, // p99 event loop delay of a Node.js process
      mysqlConnectionsRatio: 0.8, // connections over max_connections
      mongodbConnectionsRatio: 0.8, // current connections over current + available
      kafkaConsumerLag: 1_000, // messages a consumer group is behind
      kafkaBrokers: 3, // brokers the cluster runs
      usersOnlineMin: 10, // fewer users online than this is worth a look
      targetsDownRatio: 0.1, // share of a job's targets down
    },
  },
});

/** Where the reference runs a data store's exporter (on the hosts and in Kubernetes), and who answers its alerts. */
function dataStore(what: string, app: string, port: number) {
  return {
    runsIn: ['hosts', 'kubernetes'],
    notIn: { compose: `the compose stack runs the reference services, which use no ${what}: there is no server to export` },
    targets: { hosts: [`127.0.0.1:${port}`] },
    kubernetes: { podLabels: { app }, port },
    escalation: DATASTORE_ESCALATION,
  } as const;
}
