/**
 * promtool evaluates every rule a test file loads at every step of every test, so a test of one
 * alert in a file of fifteen pays for fifteen (on the reference, three quarters of promtool's time).
 * `check` therefore runs each rendered test file as one file per set of rules its tests need, each
 * loading copies of its rule files cut to that set: the same rules, verbatim, in the same groups and
 * order, under the same file names (`split/<n>/rules/…` beside `split/<n>/tests/…`, so `rule_files`
 * reads as rendered). The generated tree itself is not changed: a user's `promtool test rules` runs
 * it whole, and gets the same results:
 * - a query sees only the series whose names it selects, so a test's expectations depend only on the
 *   rules it tests and the rules those read, recording rules and `ALERTS` followed to the end;
 * - a failing rule fails every test group it runs in, whatever the group tests, so every rule that
 *   can fail on data (`canFailOnData()`: a match narrowed by `on()`, a relabelling; or in a group
 *   with a `limit`) stays too when it can see the group's data: it reads an input series, or what a
 *   rule seeing them writes, or a rule producing series from none (`absent()`, `vector()`). A rule
 *   that sees no data evaluates to nothing, and can neither fail nor change a result.
 * A name the text does not fix (`{__name__=~"…"}`, `{job="x"}`, `ALERTS` without an `alertname`),
 * a rule file given by a glob, an absolute path or outside the tree, a rule file that does not load,
 * or a text that does not parse keeps everything loaded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import yaml from 'js-yaml';
import { durationSeconds } from '../promql/duration.ts';
import { canFailOnData } from '../promql/can-fail.ts';
import { selectorsIn, type SelectorText } from '../promql/selectors.ts';

/** A test file as promtool will run it: its path under the prometheus directory, and what it costs. */
export interface TestRun {
  readonly path: string;
  /** In rule evaluations, with each test group's set-up (GROUP_COST); for balancing batches. */
  readonly cost: number;
}

interface Rule {
  readonly record?: string;
  readonly alert?: string;
  readonly expr: string;
}
interface RuleGroup {
  readonly name: string;
  readonly rules: readonly Rule[];
  readonly [setting: string]: unknown;
}
interface RuleFile {
  readonly groups: readonly RuleGroup[];
}
interface TestGroup {
  readonly input_series?: readonly { readonly series: string }[];
  readonly alert_rule_test?: readonly { readonly alertname: string; readonly eval_time: string }[];
  readonly promql_expr_test?: readonly { readonly expr: string; readonly eval_time: string }[];
  readonly [setting: string]: unknown;
}
interface TestFile {
  readonly rule_files?: readonly string[];
  readonly evaluation_interval?: string;
  readonly group_eval_order?: readonly string[];
  readonly tests?: readonly TestGroup[];
  readonly [setting: string]: unknown;
}

/** A rule by its place: `file/group/index`. */
type RuleKey = string;

/** What building a test group's storage and rule manager costs promtool, in rule evaluations (~12 ms). */
export const GROUP_COST = 150;
/** promtool's default evaluation_interval. */
const DEFAULT_EVALUATION_SECONDS = 60;

/**
 * Writes the split copies of the test file at `path` (relative to `prometheus`, the rendered
 * prometheus directory) under `prometheus/split/`, numbering directories from `next()`, and returns
 * the files promtool should run in its stead: the file itself when splitting gains nothing.
 */
export function splitTestFile(prometheus: string, path: string, read: (path: string) => string, next: () => number): TestRun[] {
  let test: TestFile;
  try {
    test = yaml.load(read(path)) as TestFile;
  } catch {
    return [{ path, cost: GROUP_COST }]; // promtool says what is wrong with it
  }
  const ruleFiles = (test.rule_files ?? []).map((file) => posix.normalize(posix.join(posix.dirname(path), file)));
  const whole = [{ path, cost: fileCost(test, totalRules(ruleFiles, read)) }];
  if ((test.rule_files ?? []).some((file) => posix.isAbsolute(file) || /[*?[]/.test(file)) || ruleFiles.some((file) => file.startsWith('..'))) return whole;
  let rules: RuleIndex;
  try {
    rules = new RuleIndex(ruleFiles.map((file) => ({ file, content: yaml.load(read(file)) as RuleFile })));
  } catch {
    return whole; // a file promtool will report itself
  }
  const bySet = new Map<string, { needed: ReadonlySet<RuleKey>; tests: TestGroup[] }>();
  for (const group of test.tests ?? []) {
    const needed = rules.neededBy(group);
    const key = [...needed].sort().join('\n');
    if (!bySet.has(key)) bySet.set(key, { needed, tests: [] });
    bySet.get(key)!.tests.push(group);
  }
  const sets = [...bySet.values()];
  if (sets.length === 1 && sets[0]!.needed.size === rules.size) return whole;
  return sets.map(({ needed, tests }) => {
    const base = `split/${next()}`;
    const kept = rules.cutTo(needed);
    for (const { file, content } of kept) write(join(prometheus, base, file), content);
    const groups = new Set(kept.flatMap(({ content }) => content.groups.map((group) => group.name)));
    const order = test.group_eval_order?.filter((name) => groups.has(name));
    const copy: TestFile = { ...test, ...(order ? { group_eval_order: order } : {}), tests };
    write(join(prometheus, base, path), copy);
    return { path: `${base}/${path}`, cost: fileCost(copy, needed.size) };
  });
}

function write(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, yaml.dump(value, { lineWidth: -1, noRefs: true }));
}

function totalRules(files: readonly string[], read: (path: string) => string): number {
  try {
    return files.reduce((n, file) => n + (yaml.load(read(file)) as RuleFile).groups.reduce((m, group) => m + group.rules.length, 0), 0);
  } catch {
    return 0; // a glob, or a file promtool will report itself
  }
}

/**
 * A test file's cost: promtool evaluates every loaded rule at every step up to each group's last
 * evaluation (one test a day long costs more than fifty short ones), besides each group's set-up.
 */
function fileCost(test: TestFile, rules: number): number {
  const step = durationSeconds(test.evaluation_interval ?? '') ?? DEFAULT_EVALUATION_SECONDS;
  return (test.tests ?? []).reduce((n, group) => {
    const times = [...(group.alert_rule_test ?? []), ...(group.promql_expr_test ?? [])].map((t) => durationSeconds(t.eval_time) ?? 0);
    return n + GROUP_COST + rules * (Math.max(0, ...times) / step + 1);
  }, 0);
}

/** The rules of a test file's rule files, and which of them a test needs. */
class RuleIndex {
  private readonly keys: RuleKey[] = [];
  private readonly rule = new Map<RuleKey, Rule>();
  /** By the name of the series each writes: a recording rule's record, or an alert's name in `ALERTS`. */
  private readonly records = new Map<string, RuleKey[]>();
  private readonly alerts = new Map<string, RuleKey[]>();
  private readonly inputs = new Map<RuleKey, readonly RuleKey[]>();
  /** The rules an evaluation can fail on some data: canFailOnData(), or in a group with a limit. */
  private readonly mayFail = new Set<RuleKey>();

  constructor(private readonly files: readonly { file: string; content: RuleFile }[]) {
    for (const { file, content } of files) {
      content.groups.forEach((group, g) =>
        group.rules.forEach((rule, r) => {
          const key = `${file}/${g}/${r}`;
          this.keys.push(key);
          this.rule.set(key, rule);
          if (Number(group.limit ?? 0) > 0 || canFailOnData(rule.expr)) this.mayFail.add(key);
          const [byName, name] = rule.record !== undefined ? [this.records, rule.record] : [this.alerts, rule.alert!];
          byName.set(name, [...(byName.get(name) ?? []), key]);
        }),
      );
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * The rules a test group's results depend on: those it tests, and every rule that could fail on
   * its data (`seeing()`), each with the rules it reads through any depth.
   */
  neededBy(group: TestGroup): Set<RuleKey> {
    const needed = new Set<RuleKey>();
    const pending = [
      ...(group.alert_rule_test ?? []).flatMap((test) => this.alerts.get(test.alertname) ?? []),
      ...(group.promql_expr_test ?? []).flatMap((test) => this.selectedBy(test.expr)),
      ...[...this.seeing((group.input_series ?? []).map((input) => selectorsIn(input.series)?.[0]?.name ?? ''))].filter((key) => this.mayFail.has(key)),
    ];
    for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
      if (needed.has(key)) continue;
      needed.add(key);
      pending.push(...this.inputsOf(key));
    }
    return needed;
  }

  /**
   * The rules that can see data of input series of these names: reading one, or reading what such a
   * rule writes, or writing series from none; '' (a name not fixed) can be read by any rule.
   */
  private seeing(inputs: readonly string[]): Set<RuleKey> {
    const live = new Set<RuleKey>();
    const sees = (key: RuleKey) => {
      if (this.producesFromNothing(key)) return true;
      const selectors = selectorsIn(this.rule.get(key)!.expr);
      if (!selectors) return true;
      return selectors.some((selector) => selector.name === '' || inputs.includes('') || inputs.includes(selector.name) || this.outputsSelected(selector).some((read) => live.has(read)));
    };
    for (let grew = true; grew; ) {
      grew = false;
      for (const key of this.keys) if (!live.has(key) && sees(key)) (live.add(key), (grew = true));
    }
    return live;
  }

  private producesFromNothing(key: RuleKey): boolean {
    const expr = this.rule.get(key)!.expr;
    return /\b(absent|absent_over_time|vector|time)\s*\(/.test(expr) || selectorsIn(expr)?.length === 0;
  }

  /** The copies of the rule files holding only `needed`, each group that keeps a rule as it was. */
  cutTo(needed: ReadonlySet<RuleKey>): { file: string; content: RuleFile }[] {
    return this.files.map(({ file, content }) => ({
      file,
      content: {
        ...content,
        groups: content.groups
          .map((group, g) => ({ ...group, rules: group.rules.filter((_, r) => needed.has(`${file}/${g}/${r}`)) }))
          .filter((group) => group.rules.length > 0),
      },
    }));
  }

  private inputsOf(key: RuleKey): readonly RuleKey[] {
    let found = this.inputs.get(key);
    if (!found) this.inputs.set(key, (found = this.selectedBy(this.rule.get(key)!.expr)));
    return found;
  }

  /** The rules whose output the text can see: every rule when it does not fix the names it reads. */
  private selectedBy(expr: string): RuleKey[] {
    const selectors = selectorsIn(expr);
    if (!selectors) return this.keys;
    return selectors.flatMap((selector) => this.outputsSelected(selector));
  }

  private outputsSelected(selector: SelectorText): readonly RuleKey[] {
    if (selector.name === '') return this.keys;
    if (selector.name !== 'ALERTS' && selector.name !== 'ALERTS_FOR_STATE') return this.records.get(selector.name) ?? [];
    const alertname = selector.matchers.find((matcher) => matcher.label === 'alertname' && matcher.op === '=');
    return alertname ? (this.alerts.get(alertname.value) ?? []) : [...this.alerts.values()].flat();
  }
}
