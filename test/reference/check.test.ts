/** Reference: the reference project passes `sextant check` (`npm run check`), every step ok, and its generated/ is up to date. */
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../generator/check/index.ts';
import { runCli } from '../helpers/project.ts';

const stepLine = (output: string, title: string) => output.split('\n').find((line) => line.includes(title)) ?? `(no line for ${title})`;

describe('npm run check on the reference project', () => {
  it('passes, every step ok', async () => {
    const run = await runCli(['check']);
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    for (const step of STEPS) expect(stepLine(run.stdout, step.title)).toMatch(/^ok /);
    expect(run.stdout).toMatch(/tests in \d+ files/);
    expect(run.stdout).toMatch(/^check passed: 8 steps in [\d.]+ s\.$/m);
  });
});

describe('npm run generate -- --check on the reference project', () => {
  it('is clean: generated/ is what the definitions generate', async () => {
    const run = await runCli(['generate', '--check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
