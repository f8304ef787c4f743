/**
 * `docker-compose config` on the project's compose file, when it has one: the stack that mounts
 * generated/ must be a valid compose file, and every host its Prometheus is configured to reach in
 * the compose environment must be one the file defines (compose-targets.ts). A project without a
 * compose file has nothing to check here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { composeTargets, unresolvedTargets, type ComposeService } from './compose-targets.ts';
import { NOT_RENDERED, requireTool } from './prerequisites.ts';
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
    // The file as compose reads it (variables, anchors, extends resolved): the services it defines.
    const run = await context.exec(compose, ['-f', file, 'config'], context.root, placeholders(readFileSync(join(context.root, file), 'utf8')));
    if (run.code !== 0) return failed([`${file}: docker-compose refuses it:`, ...toolSaid(`${run.stdout}\n${run.stderr}`).map((line) => `  ${line.trim()}`)]);
    const result = await context.pipeline();
    if (!result.ok) return NOT_RENDERED;
    const services = (yaml.load(run.stdout) as { services?: Record<string, ComposeService> } | undefined)?.services ?? {};
    const targets = composeTargets(result.model);
    const unresolved = unresolvedTargets(file, services, targets);
    if (unresolved.length > 0) return failed(unresolved);
    return passed(`${file}, ${targets.length} compose targets, each a host the stack defines`);
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
