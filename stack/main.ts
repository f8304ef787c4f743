/**
 * `npm run stack [-- --api-port N …]`: `sextant stack` (the package's native stack, `sextant/stack`)
 * with the reference exporter's two roles as the project's local services, on their scrape jobs'
 * targets. Ctrl-C (or SIGTERM) stops everything it started.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runStack, type LocalService } from 'sextant/stack';
import type { Role } from '../exporter/role-map.ts';
import { REPO } from './stack.ts';
import { TOOLS_FETCH, TOOLS_INSTALL_COMMAND, missingPrometheusTools, pathWithTools } from './tools.ts';

/** Each port flag, and the part of the stack it places (a scrape job's service, or a program). */
const FLAGS: Record<string, string> = {
  'api-port': 'api',
  'worker-port': 'worker',
  'node-exporter-port': 'node_exporter',
  'prometheus-port': 'prometheus',
  'alertmanager-port': 'alertmanager',
};

const HELP = `Usage: npm run stack -- [options]

\`sextant stack\` with the exporter's api and worker roles started too: they, Prometheus, Alertmanager
and node_exporter on 127.0.0.1, configured from generated/ (the hosts environment). Ctrl-C stops them all.

Options:
${Object.keys(FLAGS)
  .map((flag) => `  --${flag.padEnd(20)} where that part listens (default: its scrape job's hosts target)`)
  .join('\n')}
  --load N                 requests per second of built-in load on the api (default 5)
  --check                  stop once Prometheus has scraped every target; exit 0 when all are up
  --free-ports             every part on a free port
  -h, --help

Prometheus, Alertmanager and node_exporter are the ones \`npm run tools\` (sextant tools) fetches
(into .tools/, from the Debian archive apt uses); the stack fetches them first when they are missing.
Grafana is not packaged for Debian: for dashboards, run the compose stack (see the README).
`;

/** The exporter in one role, as a local service of the stack: its port, and the api's worker, are the stack's. */
function exporterRole(role: Role, adminToken: string, load: number): LocalService {
  return {
    start: (port, urlOf) => ({
      command: process.execPath,
      args: ['--conditions=sextant-source', '--import', 'tsx', join(REPO, 'exporter/main.ts')],
      cwd: REPO,
      readyPath: '/readyz',
      env: {
        PATH: process.env.PATH ?? '',
        EXPORTER_ADMIN_TOKEN: adminToken,
        EXPORTER_ROLE: role,
        EXPORTER_HOST: '127.0.0.1',
        EXPORTER_PORT: String(port),
        // --load is the api's; the worker keeps its default.
        ...(role === 'api' ? { EXPORTER_LOAD: String(load), EXPORTER_WORKER_URL: urlOf('worker') } : {}),
      },
    }),
  };
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
        load: { type: 'string' },
        check: { type: 'boolean', default: false },
        'free-ports': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
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
  const ports: Record<string, number> = {};
  for (const [flag, part] of Object.entries(FLAGS)) {
    if (values[flag] === undefined) continue;
    const port = Number(values[flag]);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      console.error(`stack: --${flag} must be a port number, got ${String(values[flag])}`);
      return 2;
    }
    ports[part] = port;
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
  const adminToken = randomBytes(24).toString('base64url');
  return runStack(
    { root: REPO, environment: 'hosts', check: values.check === true, freePorts: values['free-ports'] === true, timeoutMs: 120_000 },
    { out: (text) => console.log(text), err: (text) => console.error(text) },
    // The worker first: the api is given its URL.
    { ports, services: { worker: exporterRole('worker', adminToken, load), api: exporterRole('api', adminToken, load) } },
    (stack) =>
      console.log(
        `Fault switches: curl -X PUT -H 'authorization: Bearer ${adminToken}' -H 'content-type: application/json' -d '{"errors": 0.5}' ${stack.urlOf('api')}/admin/faults`,
      ),
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`stack: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
