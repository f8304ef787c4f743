import type { Model } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import { operatorJobs, operatorObjects } from '../../render/kubernetes/operator.ts';
import { runbookAnchor } from '../../render/runbook.ts';
import type { Check } from '../check.ts';
import { allAlerts } from '../rule-problem.ts';

interface RecordingRef {
  readonly file: string;
  readonly definition: string;
  /** What the name names, such as `PodMonitor name`: names only collide within one kind. */
  readonly what: string;
  readonly name: string;
  /** How the name was derived, for the advice; Kubernetes normalisation when absent. */
  readonly normalised?: string;
}

/**
 * Names the generator derives from definition names after normalising them (Kubernetes names are
 * lowercase DNS-1123 labels of at most 63 characters): `Shop` and `shop`, `a__b` and `a_b`, or two
 * long names with the same first 63 characters become one object, and the second would overwrite
 * the first.
 */
function derivedNames(model: Model): RecordingRef[] {
  const prefix = model.config.namespace;
  const named = (file: string, definition: string, object: { kind: string; path: string; name: string }): RecordingRef[] => [
    { file, definition, what: `${object.kind} name`, name: object.name },
    { file, definition, what: 'Kubernetes manifest file', name: `kubernetes/operator/${object.path}` },
  ];
  return [
    ...model.rules.flatMap((file) => named(file.file, `rules ${file.name}`, operatorObjects.rules(prefix, file))),
    ...operatorJobs(model).flatMap((job) => named(job.file, `scrape job ${job.name}`, operatorObjects.monitor(prefix, job))),
    ...model.dashboards.flatMap((dashboard) => named(dashboard.file, `dashboard ${dashboard.name}`, operatorObjects.dashboard(prefix, dashboard))),
    // RequestsHigh and Requestshigh would link to one runbook section: the second alert's link lands on the first's.
    ...allAlerts(model.rules).map((alert) => ({ file: alert.file, definition: `alert ${alert.name}`, what: 'runbook anchor', name: `#${runbookAnchor(alert.name)}`, normalised: 'after lower-casing' })),
  ];
}

export const generatedNamesCheck: Check = {
  id: 'generated-names',
  summary: 'No two definitions give the same generated name once normalised (Kubernetes object and file names: lowercase, - for _, at most 63 characters; runbook anchors: lowercase).',
  fix: 'Rename one of the two definitions so their names differ beyond case, - and _.',
  run(model) {
    const problems: Problem[] = [];
    const first = new Map<string, RecordingRef>();
    const reported = new Set<string>();
    for (const entry of derivedNames(model)) {
      // `_` or `--` keep nothing once normalised: the manifest would be a file named .yaml.
      if (entry.name.endsWith('/.yaml')) {
        problems.push({ file: entry.file, definition: entry.definition, check: this.id, message: 'its name keeps no letter or digit once normalised for Kubernetes; give it a name with letters' });
        continue;
      }
      const key = `${entry.what}\u0000${entry.name}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, entry);
        continue;
      }
      // The same definition twice (a duplicate name) is the name checks' to report.
      const pair = `${earlier.definition}\u0000${entry.definition}`;
      if (earlier.definition === entry.definition || reported.has(pair)) continue;
      reported.add(pair);
      problems.push({
        file: entry.file,
        definition: entry.definition,
        check: this.id,
        message: `${entry.what} '${entry.name}' is also the one of ${earlier.definition} (${earlier.file}) once normalised; rename one of them so their names differ ${entry.normalised ?? 'after lower-casing, _ → - and cutting to 63 characters'}`,
      });
    }
    return problems;
  },
};
