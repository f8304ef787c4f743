/**
 * `sextant stack`: its options and help; the run is generator/stack/run.ts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli.ts';
import { STACK_DATA_DIR } from '../stack/index.ts';
import { runStack, type StackArgs } from '../stack/run.ts';
import { FETCHED_TOOLS_DIR, TOOLS_FETCHER } from '../tools.ts';

export const STACK_HELP = `Usage: sextant stack [options]

Runs the monitoring stack on this machine, on 127.0.0.1, from the generated files: Prometheus with
generated/prometheus/prometheus.<environment>.yml (its rules read in place from
generated/prometheus/rules/), Alertmanager with generated/alertmanager/alertmanager.yml, and
node_exporter when a job scrapes one on 127.0.0.1. The programs are the ones \`${TOOLS_FETCHER}\`
fetches into ${FETCHED_TOOLS_DIR}/ (else PATH). Alertmanager's webhooks go to a receiver built into
the stack, which prints every notification. Programs it cannot run (your service, a database) are
named with the address their target expects. Ctrl-C (or SIGTERM) stops everything it started.

generated/ is generated first when missing; when it differs from what the definitions generate, the
stack refuses: run \`npx sextant generate\`.

Options:
  --environment NAME  the static environment to run: hosts (default) or one sextant.config.ts declares
  --check             start everything, wait until Prometheus has scraped every target and loaded the
                      rules, print the report, stop; exit 0 when every part the stack started is up
                      and every rule group is loaded, 1 otherwise (for CI and tests)
  --free-ports        run every part on a free port instead of the configured ones (by default a
                      part whose port is taken moves to a free one, and says so)
  --timeout SECONDS   how long to wait for the first scrapes before reporting (default 120)
  --root DIR          the project (default: the current directory)
  -h, --help          show this help

Data (Prometheus's TSDB, Alertmanager's silences) lives in ROOT/${STACK_DATA_DIR}/, kept between runs;
--check uses a temporary directory, removed when it stops. Grafana is not packaged for Debian: run
the compose stack for dashboards.
`;

export function parseStackArgs(argv: readonly string[]): StackArgs | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      environment: { type: 'string', default: 'hosts' },
      check: { type: 'boolean', default: false },
      'free-ports': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '120' },
      root: { type: 'string', default: '.' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const timeout = Number(values.timeout);
  if (!/^\d+$/.test(values.timeout!) || timeout < 1) throw new Error(`--timeout takes whole seconds, at least 1; got ${JSON.stringify(values.timeout)}`);
  return { root: resolve(values.root!), environment: values.environment!, check: values.check!, freePorts: values['free-ports']!, timeoutMs: timeout * 1000 };
}

export async function stackCommand(argv: readonly string[], io: Io): Promise<number> {
  let args: StackArgs;
  try {
    const parsed = parseStackArgs(argv);
    if (parsed === 'help') {
      io.out(STACK_HELP);
      return 0;
    }
    args = parsed;
  } catch (error) {
    io.err(`sextant stack: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  return runStack(args, io, {});
}

