/**
 * `sextant init [DIR]`: a new, working project in DIR. What it writes is generator/init/'s; this is
 * the command around it (arguments, the refusal to overwrite, what to do next).
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli.ts';
import { InitError, initProject } from '../init/index.ts';
import { DEFAULT_PACKS } from '../init/packs.ts';
import { PACKS } from '../packs/index.ts';
import { writeTreeAtomically } from '../output/write.ts';
import { runPipeline } from '../pipeline.ts';

export const INIT_HELP = `Usage: sextant init [DIR] [--service NAME] [--packs NAME,NAME]

Writes a minimal, working project into DIR (default: the current directory): sextant.config.ts,
a domain, an alert with its tests, a recording rule, a dashboard, scrape jobs, the packs it
uses, a compose file, tsconfig.json, a README and a CI workflow. It overwrites nothing: when any
of its files exists, it writes none and names them.

Options:
  --service NAME     the service the project monitors, snake_case: it names the namespace, the
                     domain, the alert and the scrape job (default: DIR's name)
  --packs NAME,NAME  the packs the project uses, one line each in sextant.config.ts: a program's
                     metrics, alerts with tests, dashboard and scrape job (default: ${DEFAULT_PACKS.join(',')};
                     --packs= for none). The packs:
${PACKS.map((pack) => `                       ${pack.name.padEnd(13)}${pack.summary}`).join('\n')}
  -h, --help         show this help

Exit codes: 0 written, 1 a file exists, 2 bad usage, a service name that cannot be one or an unknown pack.
`;

export async function initCommand(argv: readonly string[], io: Io): Promise<number> {
  let dir: string;
  let service: string | undefined;
  let packs: string[] | undefined;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { service: { type: 'string' }, packs: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, strict: true, allowPositionals: true });
    if (values.help) {
      io.out(INIT_HELP);
      return 0;
    }
    if (positionals.length > 1) throw new Error(`give one directory, not ${positionals.length}`);
    dir = resolve(positionals[0] ?? '.');
    service = values.service;
    packs = values.packs?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  } catch (error) {
    io.err(`sextant init: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  let result: Awaited<ReturnType<typeof initProject>>;
  try {
    result = await initProject(dir, { ...(service === undefined ? {} : { service }), ...(packs === undefined ? {} : { packs }) });
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    io.err(`sextant init: ${error.message}`);
    return 2;
  }
  if ('refused' in result) {
    io.err(`sextant init: ${dir} already has ${result.refused.join(', ')}; nothing was written. Move them away, or init another directory.`);
    return 1;
  }
  const shown = relative(process.cwd(), dir) || '.';
  io.out(`Wrote ${result.written.length} files to ${shown}/:\n${result.written.map((file) => `  ${file}`).join('\n')}`);
  const cd = shown === '.' ? '' : `cd ${shown} && `;
  // generated/ is part of the project (committed, compared by check): a new project starts with it,
  // when sextant is installed where the definitions can import it.
  const generated = await runPipeline(dir).catch(() => undefined);
  if (generated?.ok) {
    await writeTreeAtomically(join(dir, 'generated'), generated.files);
    io.out(`Generated ${generated.files.length} files into ${shown}/generated/. Next: ${cd}npx sextant check`);
  } else {
    io.out(`Next: ${cd}npm install sextant && npx sextant generate && npx sextant check`);
  }
  return 0;
}
