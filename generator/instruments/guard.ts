/**
 * Guards label values at run time. The types already refuse undeclared values at compile time;
 * this catches what the compiler cannot see (values from requests, errors, configuration), so a
 * bug folds into `other` instead of creating a series per unexpected value. It runs on every
 * increment, so its common path is a few Set lookups and allocates nothing.
 */
import { isBoundedLabel, type LabelSpecs } from '../dsl/labels.ts';

export const OTHER = 'other';

/** What the guard did with a value outside the declared set: recorded it as `other`, or dropped the sample. */
export type FoldAction = 'folded' | 'dropped';

type Folded = (label: string, action: FoldAction, value: string | undefined) => void;

export class LabelGuard {
  private readonly names: readonly string[];
  /** Declared values of enumerated labels; null for bounded ones. */
  private readonly allowed: readonly (ReadonlySet<string> | null)[];
  /** Values seen so far of bounded labels, and how many new ones still fit. */
  private readonly seen: readonly Set<string>[];
  private readonly room: readonly number[];
  /** What an unacceptable value becomes; undefined drops the sample (no `other` declared). */
  private readonly fallback: readonly (string | undefined)[];

  /** True when every label is declared: a check compiled for this metric's label names. */
  private readonly allDeclared: (labels: Record<string, string>) => boolean;
  /** The same check as JavaScript source over `l` (the labels) and `s0`, `s1`… (this.allowedSets), for generated methods. */
  readonly fastCondition: string;

  constructor(
    labels: LabelSpecs,
    private readonly folded: Folded,
  ) {
    const entries = Object.entries(labels);
    this.names = entries.map(([name]) => name);
    this.allowed = entries.map(([, spec]) => (isBoundedLabel(spec) ? null : new Set<string>(spec)));
    this.seen = entries.map(() => new Set<string>());
    // One slot of a bound is kept for `other`, so the declared bound holds.
    this.room = entries.map(([, spec]) => (isBoundedLabel(spec) ? Math.max(1, spec.bound - 1) : 0));
    this.fallback = entries.map(([, spec]) => (isBoundedLabel(spec) || spec.includes(OTHER) ? OTHER : undefined));
    this.fastCondition = fastCondition(this.names, this.allowed);
    this.allDeclared = new Function(...this.setParameters, `return (l) => ${this.fastCondition};`)(...this.allowed) as (labels: Record<string, string>) => boolean;
  }

  /** The declared value sets, in the order of `setParameters`. */
  get allowedSets(): readonly (ReadonlySet<string> | null)[] {
    return this.allowed;
  }

  /** Parameter names the sets are bound to in generated code: s0, s1… */
  get setParameters(): string[] {
    return this.allowed.map((_, i) => `s${i}`);
  }

  /** The labels to record: the same object when all is well, a fixed copy, or undefined to drop. */
  check<L extends Record<string, string>>(labels: L): L | undefined {
    if (this.allDeclared(labels)) return labels;
    let fixed: Record<string, string> | undefined;
    for (let i = 0; i < this.names.length; i++) {
      const name = this.names[i]!;
      const value = labels[name];
      if (typeof value === 'string' && this.accepts(i, value)) continue;
      const fallback = this.fallback[i];
      if (fallback === undefined) {
        this.folded(name, 'dropped', value);
        return undefined;
      }
      fixed ??= { ...labels };
      fixed[name] = fallback;
      this.folded(name, 'folded', value);
    }
    return (fixed as L | undefined) ?? labels;
  }

  private accepts(index: number, value: string): boolean {
    const allowed = this.allowed[index];
    if (allowed) return allowed.has(value);
    const seen = this.seen[index]!;
    if (seen.has(value)) return true;
    if (seen.size >= this.room[index]!) return false;
    seen.add(value);
    return true;
  }
}

/**
 * The common path as code: `a[0].has(l.method) && a[1].has(l.route)…`. Reading labels by their
 * literal names keeps V8's property access fast, where a loop reading `labels[name]` cost the
 * instrumented code a fifth of its throughput. Label names are snake_case identifiers (validated by the
 * label-names check, and again here), so they are safe to put in code.
 */
function fastCondition(names: readonly string[], allowed: readonly (ReadonlySet<string> | null)[]): string {
  const clauses = names.map((name, i) => {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) throw new Error(`label name '${name}' is not an identifier`);
    // Bounded labels keep state; they take the generic path.
    const values = allowed[i];
    if (!values) return 'false';
    // A few declared values compare faster than a hash lookup; many go to the Set.
    return values.size <= 8 ? `(${[...values].map((v) => `l.${name} === ${JSON.stringify(v)}`).join(' || ')})` : `s${i}.has(l.${name})`;
  });
  return clauses.length === 0 ? 'true' : clauses.join(' && ');
}
