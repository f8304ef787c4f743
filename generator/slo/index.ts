/**
 * The SLO files of a project (slos/*.ts) compiled into rule files and one dashboard, which the
 * pipeline hands to the rule and dashboard builders with the hand-written ones. Invalid SLOs are
 * reported (rule `slo-definitions`) with their file and name, and compile to nothing.
 */
import type { DefinitionSource } from '../model/build.ts';
import type { ModelSlo } from '../model/types.ts';
import type { Problem } from '../problems.ts';
import type { SloDef } from '../dsl/slos.ts';
import { compileSlo, SLO_DASHBOARD, type CompiledSlo } from './compile.ts';
import { sloDashboard, sloFolder } from './dashboard.ts';
import { SLO_NAME, SLO_RULE, sloProblems } from './validate.ts';

export interface CompiledSlos {
  readonly slos: ModelSlo[];
  readonly rules: DefinitionSource[];
  readonly dashboards: DefinitionSource[];
  readonly problems: Problem[];
}

/** `folders` are the config's grafana.folders, one of which holds the SLO dashboard. */
export function compileSlos(sources: readonly DefinitionSource[], namespace: string, folders: readonly string[] = ['Overview']): CompiledSlos {
  const problems: Problem[] = [];
  const compiled: { file: string; slo: CompiledSlo }[] = [];
  const seen = new Map<string, string>();
  for (const source of sources) {
    const definitions = Array.isArray(source.value) ? source.value : [source.value];
    for (const value of definitions as Partial<SloDef>[]) {
      const report = (definition: string, message: string) => problems.push({ file: source.file, definition, check: SLO_RULE, message });
      if (typeof value !== 'object' || value === null || value.kind !== 'slo') {
        report('default export', 'an SLO file must `export default defineSlo({ ... })` (or a list of them)');
        continue;
      }
      const name = String(value.name ?? '');
      const where = `slo ${name}`;
      if (!SLO_NAME.test(name)) {
        report(`slo ${name || '(unnamed)'}`, `SLO name '${name}' must be snake_case, such as http_availability (it names the rules, alerts and rule file)`);
        continue;
      }
      if (seen.has(name)) {
        report(where, `SLO '${name}' is already defined in ${seen.get(name)}; give one of them another name`);
        continue;
      }
      seen.set(name, source.file);
      const found = sloProblems(value as SloDef);
      for (const message of found) report(where, message);
      if (found.length === 0) compiled.push({ file: source.file, slo: compileSlo(value as SloDef, namespace) });
    }
  }
  const dashboards = compiled.length === 0 ? [] : [{ file: compiled[0]!.file, value: sloDashboard(compiled.map((c) => c.slo), sloFolder(folders)) }];
  return {
    slos: compiled.map(({ file, slo }) => ({
      file,
      name: slo.slo.name,
      title: slo.slo.title,
      service: slo.slo.service,
      team: slo.slo.team,
      description: slo.slo.description,
      objective: slo.slo.objective,
      period: slo.slo.period,
      budget: slo.budget,
      minEvents: slo.slo.minEvents,
      whenExhausted: slo.slo.whenExhausted,
      ruleFile: slo.rules.name,
      dashboard: SLO_DASHBOARD,
      alerts: slo.alerts.map((a) => ({ name: a.name, severity: a.severity, factor: a.window.factor, long: a.window.long, short: a.window.short, for: a.window.for })),
    })),
    rules: compiled.map(({ file, slo }) => ({ file, value: slo.rules })),
    dashboards,
    problems,
  };
}
