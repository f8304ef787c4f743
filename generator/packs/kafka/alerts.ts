import { alert, defineRules, fires, input, pending, promql, silent, type PackSettings, type RulesDef } from '../../index.ts';
import { domain as kafka } from './domain.ts';
import type { KafkaThresholds } from './index.ts';
import { humanize } from '../humanize.ts';

/**
 * Kafka through kafka_exporter: brokers missing, consumer groups falling behind. A data store is
 * a cause, not a symptom: the services using it page on their own errors and latency, so these
 * alerts open tickets (warning) and their runbooks say what the services feel.
 */
export function kafkaRules({ job, thresholds: t, escalation }: PackSettings<KafkaThresholds>): RulesDef {
  const target = { job, instance: 'kafka-exporter:9308' } as const;
  const group = { consumergroup: 'notification-service', topic: 'message.events' } as const;
  const lag = (perPartition: number) => ['0', '1'].map((partition) => input(kafka.metrics.consumergroupLag, { ...target, ...group, partition }, `${perPartition}x30`));
  const brokers = (count: number) => input(kafka.metrics.brokers, { ...target }, `${count}x30`);
  // Two partitions 0.8 × the threshold behind each: the group is 1.6 × the threshold behind.
  const behind = t.kafkaConsumerLag * 0.8;

  return defineRules({
    name: 'kafka',
    title: 'Kafka (kafka_exporter)',
    alerts: [
      alert({
        name: 'KafkaBrokersMissing',
        severity: 'warning',
        expr: promql`${kafka.metrics.brokers} < ${t.kafkaBrokers}`,
        for: '5m',
        scenario: { target, series: (count, s) => [input(kafka.metrics.brokers, { ...s.target }, s.gauge(count))] },
        summary: `Kafka has {{ $value }} brokers of ${t.kafkaBrokers}`,
        description: `Only {{ $value }} of the ${t.kafkaBrokers} Kafka brokers are in the cluster, as {{ $labels.instance }} sees it.`,
        blindSpot: 'kafka_brokers disappears only with the exporter, which TargetDown covers; the exporter reports the brokers it sees, down to 0.',
        runbook: {
          meaning: 'A broker left the cluster: partitions it led moved to others (more load), and those it replicated are under-replicated until it returns.',
          causes: ['A broker crashed or its host is down.', 'A broker lost its session with ZooKeeper or the KRaft controllers.'],
          checks: ['Kafka dashboard: Kafka brokers.', '`kafka-broker-api-versions.sh --bootstrap-server <broker>`, or the broker pods.', 'The broker log.'],
          fix: ['Start the broker again; if its disk is lost, replace it with the same broker.id and let it replicate.'],
          escalation,
          query: promql`${kafka.metrics.brokers}`,
          panel: { dashboard: 'kafka', panel: 'Kafka brokers' },
        },
        tests: [
          fires(`${t.kafkaBrokers - 1} of ${t.kafkaBrokers} brokers`, {
            at: '10m',
            series: [brokers(t.kafkaBrokers - 1)],
            alerts: [
              {
                labels: { ...target },
                summary: `Kafka has ${t.kafkaBrokers - 1} brokers of ${t.kafkaBrokers}`,
                description: `Only ${t.kafkaBrokers - 1} of the ${t.kafkaBrokers} Kafka brokers are in the cluster, as ${target.instance} sees it.`,
              },
            ],
          }),
          silent(`all ${t.kafkaBrokers} brokers`, { at: '10m', series: [brokers(t.kafkaBrokers)] }),
          pending('missing one for less than 5 minutes', { at: '4m', series: [brokers(t.kafkaBrokers - 1)] }),
        ],
      }),
      alert({
        name: 'KafkaConsumerLagHigh',
        severity: 'warning',
        expr: promql`sum by (job, consumergroup, topic) (${kafka.metrics.consumergroupLag}) > ${t.kafkaConsumerLag}`,
        for: '10m',
        scenario: {
          target,
          series: (messages, s) => [input(kafka.metrics.consumergroupLag, { ...s.target, ...group, partition: '0' }, s.gauge(messages))],
        },
        summary: 'Consumer group {{ $labels.consumergroup }} lags on {{ $labels.topic }}',
        description: 'Consumer group {{ $labels.consumergroup }} is {{ $value | humanize }} messages behind on {{ $labels.topic }}.',
        runbook: {
          meaning: 'A consumer group falls behind its topic: whatever it does happens late.',
          causes: ['Consumers crashed or are too few for the partitions.', 'A slow handler or a poison message.'],
          checks: ['Kafka dashboard: lag by group and topic, and the topic message rate.', 'Consumer group members and lag by partition.', 'The consumer service logs.'],
          fix: [
            'Restart consumers that stopped; scale them out up to the number of partitions.',
            'A poison message stuck at one offset: fix the handler, or skip it (kafka-consumer-groups.sh --reset-offsets --shift-by 1) after recording it.',
          ],
          escalation,
          query: promql`sum by (consumergroup, topic, partition) (${kafka.metrics.consumergroupLag})`,
          panel: { dashboard: 'kafka', panel: 'Consumer group lag' },
        },
        tests: [
          fires(`${humanize(behind * 2)} messages behind`, {
            at: '15m',
            series: lag(behind),
            alerts: [
              {
                labels: { job: target.job, ...group },
                summary: `Consumer group ${group.consumergroup} lags on ${group.topic}`,
                description: `Consumer group ${group.consumergroup} is ${humanize(behind * 2)} messages behind on ${group.topic}.`,
              },
            ],
          }),
          silent(`${humanize(t.kafkaConsumerLag)} messages behind: at the threshold`, { at: '15m', series: lag(t.kafkaConsumerLag / 2) }),
          pending('behind for less than 10 minutes', { at: '9m', series: lag(behind) }),
        ],
      }),
    ],
  });
}
