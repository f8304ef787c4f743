/**
 * `npm run stack [-- --api-port N …]`: the monitoring stack, natively, on loopback ports.
 * Ctrl-C (or SIGTERM) stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, startStack, type StackPorts } from './stack.ts';
import { TOOLS_FETCH, TOOLS_INSTALL_COMMAND, missingPrometheusTools, pathWithTools } from './tools.ts';

/** Read at start: the parent may be gone before the stack is up. */
const PARENT = process.ppid;

const FLAGS: Record<string, keyof StackPorts> = {
  'api-port': 'api',
  'worker-port': 'worker',
  'node-exporter-port': 'nodeExporter',
  'prometheus-port': 'prometheus',
  'alertmanager-port': 'alertmanager',
};

const HELP = `Usage: npm run stack -- [options]

Runs the exporter (api and worker roles), Prometheus, Alertmanager and node_exporter on 127.0.0.1,
configured from the generated rules and scrape jobs. Ctrl-C stops them all.

Options:
${Object.entries(FLAGS)
  .map(([flag, key]) => `  --${flag.padEnd(20)} default ${DEFAULT_PORTS[key]}`)
  .join('\n')}
  --load N                 requests per second of built-in load on the api (default 5)
  -h, --help

Prometheus, Alertmanager and node_exporter are the ones \`npm run tools\` (sextant tools) fetches
(into .tools/, from the Debian archive apt uses); the stack fetches them first when they are missing.
Grafana is not packaged for Debian: for dashboards, run the compose stack (see the README).
`;

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: { ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])), load: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`stack: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const ports: Partial<Record<keyof StackPorts, number>> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    if (values[flag] === undefined) continue;
    const port = Number(values[flag]);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      console.error(`stack: --${flag} must be a port number, got ${String(values[flag])}`);
      return 2;
    }
    ports[key] = port;
  }
  const load = values.load === undefined ? 5 : Number(values.load);
  if (!Number.isInteger(load) || load < 0) {
    console.error(`stack: --load must be a whole number, got ${String(values.load)}`);
    return 2;
  }
  if (missingPrometheusTools().length > 0) {
    console.log(`Fetching ${missingPrometheusTools().join(', ')} (Debian trixie's, the compose stack's versions) into .tools/…`);
    const fetched = spawnSync(TOOLS_FETCH.command, TOOLS_FETCH.args, { stdio: 'inherit' });
    const missing = missingPrometheusTools();
    if (fetched.status !== 0 || missing.length > 0) {
      console.error(`stack: ${missing.join(', ') || 'the tools'} could not be fetched (see above). Once the cause is fixed, fetch them with:\n  ${TOOLS_INSTALL_COMMAND}`);
      return 1;
    }
  }
  process.env.PATH = pathWithTools();
  console.log('Starting the stack on 127.0.0.1…');
  const stack = await startStack({ ports, followGenerated: true, exporter: { load }, log: (line) => console.log(`  ${line}`) });
  console.log(`\nPrometheus UI: ${stack.urls.prometheus}/classic/graph (alerts: ${stack.urls.prometheus}/classic/alerts)`);
  console.log(`Rules: generated/prometheus/rules; after npm run generate: curl -X POST ${stack.urls.prometheus}/-/reload`);
  console.log(
    `Fault switches: curl -X PUT -H 'authorization: Bearer ${stack.adminToken}' -H 'content-type: application/json' -d '{"errors": 0.5}' ${stack.urls.api}/admin/faults`,
  );
  console.log('Grafana is not packaged for Debian: run the compose stack for dashboards. Ctrl-C stops everything.');
  const why = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve(''));
    process.once('SIGTERM', () => resolve(''));
    process.once('SIGHUP', () => resolve(' (the terminal closed)'));
    // A stack whose parent is gone (a killed test runner, npm killed with -9) stops instead of running on, owned by nobody.
    setInterval(() => process.ppid !== PARENT && resolve(' (the process that started it is gone)'), 1_000).unref();
  });
  console.log(`\nStopping${why}…`);
  await stack.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`stack: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
