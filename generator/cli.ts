/**
 * The `sextant` command: `sextant <command> [options]`, each command with its --help. `generate`
 * and `verify` live here; the others in their own modules (COMMANDS).
 * Exit codes: 0 done (or no drift); 1 invalid definitions, drift with --check, a failed check; 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCommand } from './check/index.ts';
import { initCommand } from './commands/init.ts';
import { stackCommand } from './commands/stack.ts';
import { toolsCommand } from './commands/tools.ts';
import { findDrift } from './output/drift.ts';
import { writeTreeAtomically } from './output/write.ts';
import { runPipeline } from './pipeline.ts';
import { CONFIG_FILE, DEFINITION_DIRS } from './model/load.ts';
import { formatReport } from './problems.ts';
import { QUERY_CHECKS } from './promql/index.ts';
import { CHECKS } from './validate/index.ts';
import { SLO_RULE, SLO_SUMMARY } from './slo/validate.ts';
import { PROMTOOL_RULE } from './validate/promtool.ts';
import { toolCandidates } from './tools.ts';
import { DEFAULT_TIMEOUT_SECONDS, httpUrl } from './verify/http.ts';
import { verifyPrometheus, verifyTarget } from './verify/index.ts';

export const HELP = `Usage: sextant generate [options]
       sextant verify --target URL [--target URL…] [--prometheus URL]
       sextant check [--root DIR]   everything CI needs, in one exit code (sextant check --help)

Validates the definitions (sextant.config.ts, catalog/*.ts, alerts/*.ts) and writes every
generated file.

Options:
  --check      write nothing; exit 1 and list every file that differs from what
               would be generated (the CI drift check)
  --out DIR    output directory (default: ROOT/generated); the generator owns it
               and replaces it as a whole
  --root DIR   project directory holding catalog/ and sextant.config.ts
               (default: the current directory)
  --no-cache   run in full even when nothing it reads has changed since the last
               run (by default such a run only confirms the output is as it left it)
  -h, --help   show this help

verify compares live metrics with the catalogue, both ways (missing, uncatalogued, type and
label mismatches); an exporter's metrics about itself (<program>_exporter_*, *_build_info
outside the namespace) are not drift:
  --target URL       a target's /metrics (the path is added when missing)
  --job NAME         the scrape job the targets belong to (scrape/): the domains to expect;
                     without it, every domain the target exposes a metric of
  --prometheus URL   everything that Prometheus has scraped, job by job
  --timeout SECONDS  how long each endpoint may take to answer (default ${DEFAULT_TIMEOUT_SECONDS});
                     a slow exporter (a mongodb_exporter whose server is down) needs more

Exit codes: 0 success, 1 invalid definitions or drift (--check, verify), 2 bad usage.

Checks run on every definition:
${CHECKS.map((check) => `  ${check.id.padEnd(26)} ${check.summary}`).join('\n')}

Checks run on SLO definitions (slos/), before they compile into rules:
  ${SLO_RULE.padEnd(26)} ${SLO_SUMMARY}

Checks run on every query (rule expressions):
${QUERY_CHECKS.map((check) => `  ${check.id.padEnd(26)} ${check.summary}`).join('\n')}

Once every check passes, when promtool is installed (ROOT/.tools/trixie/usr/bin, then PATH):
  ${PROMTOOL_RULE.padEnd(26)} promtool check rules loads the rendered rule files as Prometheus will.
`;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * What a successful generate (or --check) read and produced: the launcher records it, so the next
 * run with the same inputs and untouched output can answer without running (generator/run-record.mjs).
 */
export interface GeneratedRun {
  /** Files the definitions were read from, and the folders whose listings decide which are read. */
  readonly inputs: readonly string[];
  readonly watchedDirs: readonly string[];
  /** Paths where the programs the run used are looked for (a program installed or updated changes the run). */
  readonly tools: readonly string[];
  readonly outDir: string;
  readonly fileCount: number;
  /** What a later run with nothing changed says. */
  readonly summary: string;
}

export interface Hooks {
  readonly generated?: (run: GeneratedRun) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

interface Command {
  readonly name: string;
  readonly summary: string;
  readonly run: (argv: readonly string[], io: Io, hooks: Hooks) => Promise<number>;
}

export const COMMANDS: readonly Command[] = [
  { name: 'init', summary: 'write a new, working project into DIR (default: the current directory)', run: initCommand },
  { name: 'generate', summary: 'validate the definitions and write generated/ (--check: only compare)', run: generate },
  { name: 'check', summary: 'everything a project\'s CI needs, in one exit code', run: checkCommand },
  { name: 'verify', summary: 'compare live metrics (a target, or a Prometheus) with the catalogue', run: verify },
  { name: 'stack', summary: 'run Prometheus, Alertmanager and node_exporter on this machine with the generated configs', run: stackCommand },
  { name: 'tools', summary: 'fetch promtool, Prometheus, Alertmanager, amtool and node_exporter into .tools/', run: toolsCommand },
];

export const USAGE = `Usage: sextant <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

Run \`sextant <command> --help\` for a command's options.
Exit codes: 0 success, 1 invalid definitions, drift or a failed check, 2 bad usage.
`;

export async function main(argv: readonly string[], io: Io = processIo, hooks: Hooks = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(name === undefined ? 'sextant: give a command.' : `sextant: unknown command '${name}'.`);
    io.err(USAGE);
    return 2;
  }
  return command.run(rest, io, hooks);
}

async function generate(argv: readonly string[], io: Io, hooks: Hooks): Promise<number> {
  let options: { check: boolean; out: string | undefined; root: string; help: boolean };
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        check: { type: 'boolean', default: false },
        out: { type: 'string' },
        root: { type: 'string', default: '.' },
        help: { type: 'boolean', short: 'h', default: false },
        // The launcher's: whether to consult the record of the last run (run-record.mjs); a full run here either way.
        'no-cache': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    options = { check: values.check!, out: values.out, root: values.root!, help: values.help! };
  } catch (error) {
    io.err(`sextant: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  if (options.help) {
    io.out(HELP);
    return 0;
  }

  const root = resolve(options.root);
  const outDir = resolve(options.out ?? resolve(root, 'generated'));
  const unsafe = unsafeOutputReason(root, outDir);
  if (unsafe) {
    io.err(`sextant: refusing --out ${outDir}: ${unsafe}`);
    return 2;
  }

  const result = await runPipeline(root);
  if (!result.ok) {
    for (const line of formatReport(result.problems)) io.err(line);
    if (result.notRun) io.err(result.notRun);
    io.err(`\n${result.problems.length} problem(s) found; nothing was written.`);
    return 1;
  }

  const shownOut = relative(process.cwd(), outDir) || '.';
  const upToDate = `${shownOut}/ is up to date (${result.files.length} files).`;
  const generated = (summary: string) =>
    hooks.generated?.({
      inputs: [...result.inputs, join(root, CONFIG_FILE)],
      watchedDirs: [root, ...DEFINITION_DIRS.map((dir) => join(root, dir))],
      tools: toolCandidates('promtool', root),
      outDir,
      fileCount: result.files.length,
      summary,
    });
  if (options.check) {
    const drift = await findDrift(outDir, result.files);
    if (drift.length === 0) {
      io.out(upToDate);
      generated(upToDate);
      return 0;
    }
    io.err(`${shownOut}/ is out of date: ${drift.length} file(s) differ from what the definitions generate:`);
    for (const { kind, path } of drift) io.err(`  ${kind.padEnd(8)} ${shownOut}/${path}`);
    io.err('Run `npx sextant generate` and commit the result.');
    return 1;
  }

  await writeTreeAtomically(outDir, result.files);
  const { model } = result;
  const alerts = model.rules.reduce((n, file) => n + file.alerts.length, 0);
  const recordings = model.rules.reduce((n, file) => n + file.recording.length, 0);
  io.out(
    `Wrote ${result.files.length} files to ${shownOut}/ from ${model.metrics.length} metrics in ${model.domains.length} domains, ` +
      `${alerts} alerts and ${recordings} recording rules.`,
  );
  generated(`${shownOut}/ is up to date (${result.files.length} files): nothing it is generated from has changed.`);
  return 0;
}

async function verify(argv: readonly string[], io: Io): Promise<number> {
  let values: { target?: string[]; job?: string; prometheus?: string; timeout?: string; root?: string; help?: boolean };
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        target: { type: 'string', multiple: true },
        job: { type: 'string' },
        prometheus: { type: 'string' },
        timeout: { type: 'string' },
        root: { type: 'string', default: '.' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    if (!values.target?.length && !values.prometheus) throw new Error('give --target URL or --prometheus URL');
    for (const url of values.target ?? []) httpUrl(url, '--target');
    if (values.prometheus) httpUrl(values.prometheus, '--prometheus');
    if (values.timeout !== undefined) {
      timeoutSeconds = Number(values.timeout);
      if (!/^\d+(\.\d+)?$/.test(values.timeout) || timeoutSeconds <= 0 || timeoutSeconds > 3600) throw new Error(`--timeout takes seconds, more than 0 and at most 3600; got ${JSON.stringify(values.timeout)}`);
    }
  } catch (error) {
    io.err(`sextant verify: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  const result = await runPipeline(resolve(values.root ?? '.'));
  if (!result.ok) {
    for (const line of formatReport(result.problems)) io.err(line);
    if (result.notRun) io.err(result.notRun);
    return 1;
  }
  let clean = true;
  try {
    for (const url of values.target ?? []) clean = (await verifyTarget(result.model, url, io, { timeoutSeconds }, values.job)) && clean;
    if (values.prometheus) clean = (await verifyPrometheus(result.model, values.prometheus, io, { timeoutSeconds })) && clean;
  } catch (error) {
    io.err(`sextant verify: ${(error as Error).message}`);
    return 1;
  }
  return clean ? 0 : 1;
}

/** The output directory is replaced as a whole, so it must never be the project or hold one. */
function unsafeOutputReason(root: string, outDir: string): string | undefined {
  const rel = relative(outDir, root);
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep))) return 'it is the project directory or contains it';
  if (existsSync(resolve(outDir, 'package.json')) || existsSync(resolve(outDir, '.git'))) {
    return 'it holds a package.json or .git, so it is not generated output';
  }
  return undefined;
}

// Run when invoked as a script (tsx generator/cli.ts), not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sextant: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
