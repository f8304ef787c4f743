/**
 * `docker-compose config -q` on the project's compose file, when it has one: the stack that mounts
 * generated/ must at least be a valid compose file. A project without one has nothing to check here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireTool } from './prerequisites.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

export const composeStep: CheckStep = {
  id: 'compose',
  title: 'docker-compose config',
  async run(context) {
    const file = COMPOSE_FILES.find((name) => existsSync(join(context.root, name)));
    if (!file) return passed('no compose file');
    const compose = requireTool(context, 'docker-compose');
    if (typeof compose !== 'string') return compose;
    const run = await context.exec(compose, ['-f', file, 'config', '-q'], context.root, placeholders(readFileSync(join(context.root, file), 'utf8')));
    if (run.code === 0) return passed(file);
    return failed([`${file}: docker-compose refuses it:`, ...toolSaid(`${run.stdout}\n${run.stderr}`).map((line) => `  ${line.trim()}`)]);
  },
};

/**
 * A value for each variable the file requires (`${NAME:?message}`) and the environment lacks: those
 * are secrets a deployment passes when it starts the stack, not part of the file's form.
 */
function placeholders(text: string): Record<string, string> {
  const required = [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((match) => match[1]!);
  return Object.fromEntries(required.filter((name) => process.env[name] === undefined).map((name) => [name, 'sextant-check-placeholder']));
}
