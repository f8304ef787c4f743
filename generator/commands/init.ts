/**
 * `sextant init [DIR]`: a new, working project in DIR. What it writes is generator/init/'s; this is
 * the command around it (arguments, the refusal to overwrite, what to do next).
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli.ts';
import { initProject } from '../init/index.ts';

export const INIT_HELP = `Usage: sextant init [DIR]

Writes a minimal, working project into DIR (default: the current directory): sextant.config.ts,
a domain, an alert with its tests, a recording rule, a dashboard, scrape jobs, a compose file,
tsconfig.json, a README and a CI workflow. It overwrites nothing: when any of its files exists,
it writes none and names them.

Options:
  -h, --help   show this help

Exit codes: 0 written, 1 a file exists, 2 bad usage.
`;

export async function initCommand(argv: readonly string[], io: Io): Promise<number> {
  let dir: string;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h', default: false } }, strict: true, allowPositionals: true });
    if (values.help) {
      io.out(INIT_HELP);
      return 0;
    }
    if (positionals.length > 1) throw new Error(`give one directory, not ${positionals.length}`);
    dir = resolve(positionals[0] ?? '.');
  } catch (error) {
    io.err(`sextant init: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  const result = await initProject(dir, {});
  if ('refused' in result) {
    io.err(`sextant init: ${dir} already has ${result.refused.join(', ')}; nothing was written. Move them away, or init another directory.`);
    return 1;
  }
  const shown = relative(process.cwd(), dir) || '.';
  io.out(`Wrote ${result.written.length} files to ${shown}/:\n${result.written.map((file) => `  ${file}`).join('\n')}`);
  io.out(`Next: ${shown === '.' ? '' : `cd ${shown} && `}npm install && npx sextant check`);
  return 0;
}
