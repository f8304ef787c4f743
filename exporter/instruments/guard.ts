/**
 * Guards label values at run time. The types already refuse undeclared values at compile time;
 * this catches what the compiler cannot see (values from requests, errors, configuration), so a
 * bug folds into `other` instead of creating a series per unexpected value.
 */
import { isBoundedLabel, type LabelSpecs } from '../../generator/dsl/labels.ts';

export const OTHER = 'other';

type Folded = (label: string, action: 'folded' | 'dropped') => void;

interface LabelRule {
  readonly name: string;
  /** Whether a value may be recorded as it is; bounded labels admit new values until the bound. */
  accepts(value: string): boolean;
  /** What an unacceptable value becomes, or undefined when the sample must be dropped. */
  readonly fallback: string | undefined;
}

function ruleFor(name: string, spec: LabelSpecs[string]): LabelRule {
  if (isBoundedLabel(spec)) {
    const seen = new Set<string>();
    // One slot of the bound is kept for `other`, so the declared bound holds.
    const room = Math.max(1, spec.bound - 1);
    return {
      name,
      accepts: (value) => seen.has(value) || (seen.size < room && seen.add(value) !== undefined),
      fallback: OTHER,
    };
  }
  const allowed = new Set<string>(spec);
  return { name, accepts: (value) => allowed.has(value), fallback: allowed.has(OTHER) ? OTHER : undefined };
}

export class LabelGuard {
  private readonly rules: readonly LabelRule[];

  constructor(
    labels: LabelSpecs,
    private readonly folded: Folded,
  ) {
    this.rules = Object.entries(labels).map(([name, spec]) => ruleFor(name, spec));
  }

  /** The labels to record: the same object when all is well (no allocation), a fixed copy, or undefined to drop. */
  check<L extends Record<string, string>>(labels: L): L | undefined {
    let fixed: Record<string, string> | undefined;
    for (const rule of this.rules) {
      const value = labels[rule.name];
      if (typeof value === 'string' && rule.accepts(value)) continue;
      if (rule.fallback === undefined) {
        this.folded(rule.name, 'dropped');
        return undefined;
      }
      fixed ??= { ...labels };
      fixed[rule.name] = rule.fallback;
      this.folded(rule.name, 'folded');
    }
    return (fixed as L | undefined) ?? labels;
  }
}
