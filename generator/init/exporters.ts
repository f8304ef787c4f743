/**
 * The exporters the compose stack of `sextant init` runs for the packs whose program is the user's
 * own data store (MySQL, PostgreSQL, Redis, MongoDB, Kafka): one service each, named and listening
 * as the pack's default compose target says, so every target of the compose environment is a
 * service of the stack (the compose step of `sextant check` holds any project to that). The data
 * store is not in the stack: each exporter reaches it on the Docker host (host.docker.internal)
 * until the user points it elsewhere, with credentials from variables set when the stack starts,
 * never a default secret. node, prometheus and alertmanager are services of the stack already;
 * the kubernetes pack's jobs do not run in compose (the pack says why in their notIn), so need none.
 */
import type { PackDef } from '../dsl/packs.ts';
import kafka from '../packs/kafka/index.ts';
import mongodb from '../packs/mongodb/index.ts';
import mysql from '../packs/mysql/index.ts';
import postgres from '../packs/postgres/index.ts';
import redis from '../packs/redis/index.ts';
import { COMPOSE_IMAGES } from './images.ts';

interface ComposeExporter {
  /** The pack with its defaults: its scrape job's compose target names the service and its port. */
  readonly pack: () => PackDef;
  readonly image: string;
  /** The comment above the service: whose the data store is and how the exporter is pointed at it. */
  readonly comment: readonly string[];
  /** The service's command and environment, YAML lines under the service. */
  readonly settings: readonly string[];
}

/** By pack name. A required variable (`${NAME:?why}`) stops `docker compose up` with its message until it is set. */
export const COMPOSE_EXPORTERS: Readonly<Record<string, ComposeExporter>> = {
  kafka: {
    pack: () => kafka(),
    image: COMPOSE_IMAGES.kafkaExporter,
    comment: [
      'Your Kafka cluster, which this stack does not run: kafka_exporter bootstraps from --kafka.server (repeat',
      'it per broker), then connects to the addresses the brokers advertise, which must resolve from a container.',
    ],
    settings: ['command:', '  - --kafka.server=host.docker.internal:9092'],
  },
  mongodb: {
    pack: () => mongodb(),
    image: COMPOSE_IMAGES.mongodbExporter,
    comment: [
      "Your MongoDB, which this stack does not run: mongodb_exporter connects with MONGODB_URI, whose user needs",
      'the clusterMonitor role. The pack reads the diagnostic data collector.',
    ],
    settings: [
      'command:',
      '  - --collector.diagnosticdata',
      'environment:',
      '  MONGODB_URI: ${MONGODB_URI:?set MONGODB_URI to mongodb://USER:PASSWORD@host.docker.internal:27017/admin for the exporter}',
    ],
  },
  mysql: {
    pack: () => mysql(),
    image: COMPOSE_IMAGES.mysqldExporter,
    comment: [
      'Your MySQL or MariaDB, which this stack does not run: mysqld_exporter connects to --mysqld.address as',
      "MYSQLD_EXPORTER_USER (default exporter, granted PROCESS, REPLICATION CLIENT, SELECT), that user's password",
      'in MYSQLD_EXPORTER_PASSWORD.',
    ],
    settings: [
      'command:',
      '  - --mysqld.address=host.docker.internal:3306',
      '  - --mysqld.username=${MYSQLD_EXPORTER_USER:-exporter}',
      'environment:',
      "  MYSQLD_EXPORTER_PASSWORD: ${MYSQLD_EXPORTER_PASSWORD:?set MYSQLD_EXPORTER_PASSWORD to the password of MySQL's exporter user}",
    ],
  },
  postgres: {
    pack: () => postgres(),
    image: COMPOSE_IMAGES.postgresExporter,
    comment: [
      'Your PostgreSQL, which this stack does not run: postgres_exporter connects to DATA_SOURCE_URI as',
      "POSTGRES_EXPORTER_USER (default postgres_exporter, with the pg_monitor role), that user's password in",
      'POSTGRES_EXPORTER_PASSWORD.',
    ],
    settings: [
      'environment:',
      '  DATA_SOURCE_URI: host.docker.internal:5432/postgres?sslmode=disable',
      '  DATA_SOURCE_USER: ${POSTGRES_EXPORTER_USER:-postgres_exporter}',
      "  DATA_SOURCE_PASS: ${POSTGRES_EXPORTER_PASSWORD:?set POSTGRES_EXPORTER_PASSWORD to the password of PostgreSQL's exporter user}",
    ],
  },
  redis: {
    pack: () => redis(),
    image: COMPOSE_IMAGES.redisExporter,
    comment: [
      'Your Redis, which this stack does not run: redis_exporter connects to REDIS_ADDR with REDIS_PASSWORD',
      '(set it empty, REDIS_PASSWORD= docker compose up, for a Redis without one).',
    ],
    settings: [
      'environment:',
      '  REDIS_ADDR: redis://host.docker.internal:6379',
      '  REDIS_PASSWORD: ${REDIS_PASSWORD?set REDIS_PASSWORD to the password of Redis, empty when it has none}',
    ],
  },
};

/** The host and port of a pack's default compose target: the exporter's service name and port. */
export function composeTargetOf(pack: PackDef): { host: string; port: string } {
  const target = pack.scrape[0]?.targets?.compose?.[0];
  const [, host, port] = /^(.+):(\d+)$/.exec(target ?? '') ?? [];
  if (host === undefined || port === undefined) throw new Error(`pack ${pack.name} has no host:port compose target`);
  return { host, port };
}

/** The compose services of the exporters the listed packs need, in the packs' order; '' for none. */
export function exporterServices(packs: readonly string[]): string {
  return packs
    .filter((name) => Object.hasOwn(COMPOSE_EXPORTERS, name))
    .map((name) => {
      const exporter = COMPOSE_EXPORTERS[name]!;
      const { host, port } = composeTargetOf(exporter.pack());
      return [
        '',
        ...exporter.comment.map((line) => `  # ${line}`),
        "  # A data store on another host: its address in place of host.docker.internal; one in this file: its service's name.",
        `  ${host}:`,
        `    image: ${exporter.image}`,
        ...exporter.settings.map((line) => `    ${line}`),
        '    expose:',
        `      - "${port}"`,
        '    # The data store listens on the Docker host.',
        '    extra_hosts:',
        '      - "host.docker.internal:host-gateway"',
        '    restart: unless-stopped',
        '',
      ].join('\n');
    })
    .join('');
}
