/**
 * `sextant stack`: not built for any project yet. It says exactly what a native stack needs and
 * how to start one by hand, and exits 1, so that nobody mistakes it for a running stack. (The
 * reference project's `npm run stack`, stack/, runs its exporter roles besides.)
 */
import { parseArgs } from 'node:util';
import type { Io } from '../cli.ts';
import { FETCHED_TOOLS_DIR } from '../tools.ts';

export const STACK_HELP = `Usage: sextant stack

Not available yet for any project: it exits 1 after printing how to run the same stack by hand.
A native stack is Prometheus, Alertmanager and node_exporter from ${FETCHED_TOOLS_DIR}/
(\`npx sextant tools\`), on 127.0.0.1, with the generated configs:

  npx sextant tools && npx sextant generate
  ${FETCHED_TOOLS_DIR}/prometheus-node-exporter --web.listen-address=127.0.0.1:9100 &
  ${FETCHED_TOOLS_DIR}/prometheus-alertmanager --config.file=generated/alertmanager/alertmanager.yml \\
      --storage.path=.stack/alertmanager --web.listen-address=127.0.0.1:9093 --cluster.listen-address= &
  ${FETCHED_TOOLS_DIR}/prometheus --config.file=generated/prometheus/prometheus.hosts.yml \\
      --storage.tsdb.path=.stack/prometheus --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle

prometheus.hosts.yml scrapes the \`hosts\` targets of your scrape jobs (scrape/*.ts) and reads the
rules under generated/prometheus/rules/. Or run the compose file \`sextant init\` writes.

Options:
  -h, --help   show this help
`;

export async function stackCommand(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values } = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h', default: false } }, strict: true, allowPositionals: false });
    if (values.help) {
      io.out(STACK_HELP);
      return 0;
    }
  } catch (error) {
    io.err(`sextant stack: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  io.err(`sextant stack: a native stack for any project is not built yet; this is what it needs:\n\n${STACK_HELP}`);
  return 1;
}
