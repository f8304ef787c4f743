/**
 * `sextant check` (`npm run check` in the reference project): everything a project's CI needs, in one command and one exit
 * code. The steps are data, in the order their problems are causes of the next ones' (types, then
 * definitions, then what the tools say of the rendered files). They run side by side, the external
 * programs sharing one pool of the machine's cores; the report keeps the list's order.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli.ts';
import { amtoolStep } from './amtool.ts';
import { composeStep } from './compose.ts';
import { createContext } from './context.ts';
import { driftStep } from './drift.ts';
import { promtoolConfigStep } from './promtool-config.ts';
import { promtoolLintStep } from './promtool-lint.ts';
import { promtoolTestsStep } from './promtool-tests.ts';
import type { CheckStep, StepOutcome } from './step.ts';
import { typecheckStep } from './typecheck.ts';
import { validationStep } from './validation.ts';

export const STEPS: readonly CheckStep[] = [
  typecheckStep,
  validationStep,
  driftStep,
  promtoolLintStep,
  promtoolConfigStep,
  amtoolStep,
  composeStep,
  // Last: the longest, it would hold the short ones back in the pool.
  promtoolTestsStep,
];

export const CHECK_HELP = `Usage: sextant check [--root DIR]

Checks the project as its CI needs, in one command and one exit code. The tools run on the
files as the definitions WOULD generate them (a temporary directory), so check works before
the first generate; drift of generated/ is reported as a step of its own.

Steps:
${STEPS.map((step) => `  ${step.id.padEnd(16)} ${step.title}`).join('\n')}

Programs (promtool, amtool, and docker-compose when the project has a compose file) are
looked up in ROOT/.tools/trixie/usr/bin first (where \`sextant tools\` fetches them), then on
PATH. A missing one fails its step with how to get it. Steps run side by side, their programs
sharing the machine's cores.

Options:
  --root DIR   project directory (default: the current directory)
  -h, --help   show this help

Exit codes: 0 every step passed, 1 a step failed, 2 bad usage.
`;

export async function checkCommand(argv: readonly string[], io: Io): Promise<number> {
  let root: string;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { root: { type: 'string', default: '.' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(CHECK_HELP);
      return 0;
    }
    root = resolve(values.root!);
  } catch (error) {
    io.err(`sextant check: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  return runCheck(root, io);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const LABEL: Record<StepOutcome['status'], string> = { ok: 'ok', failed: 'FAILED', 'not run': 'not run' };

export async function runCheck(root: string, io: Io, steps: readonly CheckStep[] = STEPS): Promise<number> {
  const started = performance.now();
  const context = createContext(root);
  const width = Math.max(...steps.map((step) => step.title.length));
  try {
    const runs = steps.map(async (step) => {
      const begun = performance.now();
      let outcome: StepOutcome;
      try {
        outcome = await step.run(context);
      } catch (error) {
        outcome = { status: 'failed', lines: [`could not run: ${(error as Error).message ?? String(error)}`] };
      }
      return { step, outcome, ms: performance.now() - begun };
    });
    const results: { step: CheckStep; outcome: StepOutcome }[] = [];
    // Printed in the list's order as each finishes, so the report reads the same on every run.
    for (const run of runs) {
      const { step, outcome, ms } = await run;
      results.push({ step, outcome });
      const note = outcome.status === 'ok' ? (outcome.note ?? '') : outcome.status === 'not run' ? outcome.reason : '';
      const line = `${LABEL[outcome.status].padEnd(8)}${step.title.padEnd(width)}  ${seconds(ms).padStart(6)}${note ? `  ${note}` : ''}`;
      if (outcome.status === 'ok') io.out(line);
      else io.err(line);
      if (outcome.status === 'failed') for (const problem of outcome.lines) io.err(`          ${problem}`);
    }
    const having = (status: StepOutcome['status']) => results.filter(({ outcome }) => outcome.status === status).map(({ step }) => step.id);
    const total = seconds(performance.now() - started);
    const [failing, notRun] = [having('failed'), having('not run')];
    if (failing.length === 0 && notRun.length === 0) {
      io.out(`check passed: ${results.length} steps in ${total}.`);
      return 0;
    }
    const skipped = notRun.length > 0 ? `; not run until those pass: ${notRun.join(', ')}` : '';
    io.err(`check FAILED in ${total}: ${failing.length} of ${results.length} steps failed (${failing.join(', ')})${skipped}.`);
    return 1;
  } finally {
    context.dispose();
  }
}
