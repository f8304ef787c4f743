import { metricCheck } from '../check.ts';
import { isBoundedLabel, LABEL_KINDS, type LabelKind } from '../../dsl/labels.ts';
import type { ModelLabel } from '../../model/types.ts';
import { kindFromName, kindFromValues, type KindFinding } from '../label-kind.ts';
import { isBlank, shown, unreadable } from '../readable-text.ts';

/** Why a text a person reads (a value, a reason) would not read as written, or undefined. */
function unreadableText(text: string): string | undefined {
  return isBlank(text) ? 'has no visible characters' : unreadable(text);
}

const KIND_NAMES: Readonly<Record<LabelKind, string>> = { identifier: 'an identifier', address: 'an address', text: 'free text' };

export const labelValuesCheck = metricCheck({
  id: 'label-values',
  summary:
    'Every label lists readable values (non-empty, unique, at most limits.maxLabelBound) or declares bounded(n, reason) with n at most limits.maxLabelBound; ' +
    'labels holding identifiers, addresses or free text (by name or by listed value) are unbounded by nature and rejected unless bounded() acknowledges why.',
  fix: "List the values the label takes (status: ['ok', 'failed']), or declare bounded(n, 'why it stays under n'); for an identifier, address or free text, record a category instead (a route template, a client type), or acknowledge it with bounded(n, reason, { identifier: 'why' }).",
  inspect(metric, reportMetric, model) {
    const maxBound = model.config.limits.maxLabelBound;
    for (const label of metric.labels) {
      const report = (message: string) => reportMetric(`label '${label.name}': ${message}`);
      const { spec } = label;
      if (Array.isArray(spec)) {
        if (spec.length === 0) report('lists no values; list them, or use bounded(n, reason)');
        else if (spec.length > maxBound) {
          report(`lists ${spec.length} values, over limits.maxLabelBound (${maxBound}): a list that long is not an enumeration; group the values into categories`);
        }
        const bad = spec.filter((value) => typeof value !== 'string' || value === '');
        if (bad.length > 0) report('values must be non-empty strings');
        const duplicates = spec.filter((value, i) => spec.indexOf(value) !== i);
        if (duplicates.length > 0) report(`value ${shown(duplicates[0])} is listed twice`);
        const unreadableValue = spec.find((value) => typeof value === 'string' && value !== '' && unreadableText(value) !== undefined) as string | undefined;
        if (unreadableValue !== undefined) {
          report(`value ${shown(unreadableValue)} ${unreadableText(unreadableValue)}; label values are plain printable tokens`);
          continue;
        }
        const finding = kindFromName(label.name) ?? kindFromValues(spec);
        if (finding) report(unboundedByNature(finding));
      } else if (isBoundedLabel(spec)) {
        if (!Number.isInteger(spec.bound) || spec.bound < 1) report(`bound must be a positive integer, got ${String(spec.bound)}`);
        else if (spec.bound > maxBound) {
          report(`bound ${spec.bound} exceeds limits.maxLabelBound (${maxBound}); a label with that many values belongs in logs`);
        }
        if (typeof spec.reason !== 'string' || spec.reason.trim() === '') report('bounded() needs a reason saying why the bound holds');
        else if (unreadableText(spec.reason)) report(`the bound's reason ${unreadableText(spec.reason)}; write it in plain text`);
        for (const message of acknowledgementProblems(label, kindFromName(label.name))) report(message);
      } else {
        report('declares neither values nor a bound; unbounded labels are rejected: list the values or use bounded(n, reason)');
      }
    }
  },
});

/** Cause first, then the bounded label to use, then the reasoned exception for a system that truly bounds it. */
function unboundedByNature(finding: KindFinding): string {
  return (
    `is unbounded by nature: it holds ${KIND_NAMES[finding.kind]} (${finding.evidence}), one series per value seen; ` +
    `use ${finding.instead} instead; if this system truly bounds it, say why: bounded(n, reason, { ${finding.kind}: 'why it stays bounded' })`
  );
}

/** A bounded label of an unbounded kind passes only with a reasoned acknowledgement of that kind, and only then. */
function acknowledgementProblems(label: ModelLabel, finding: KindFinding | undefined): string[] {
  const given = label.acknowledged;
  if (given === undefined) return finding ? [unboundedByNature(finding)] : [];
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return [`bounded()'s acknowledgement must be an object such as { identifier: 'why it stays bounded' }`];
  }
  const problems: string[] = [];
  for (const [kind, why] of Object.entries(given)) {
    if (!LABEL_KINDS.includes(kind as LabelKind)) {
      problems.push(`acknowledges '${kind}', which is not a kind of label; use one of ${LABEL_KINDS.join(', ')}`);
    } else if (kind !== finding?.kind) {
      const actual = finding ? `it holds ${KIND_NAMES[finding.kind]} (${finding.evidence})` : 'nothing in its name says so';
      problems.push(`acknowledges ${KIND_NAMES[kind as LabelKind]}, but ${actual}; acknowledge only what the label holds, so exceptions stay true`);
    } else if (typeof why !== 'string' || why.trim() === '') {
      problems.push(`acknowledges ${KIND_NAMES[finding.kind]} without saying why it stays bounded; write the reason`);
    } else if (unreadableText(why)) {
      problems.push(`the acknowledgement's reason ${unreadableText(why)}; write it in plain text`);
    }
  }
  if (finding && !Object.hasOwn(given, finding.kind)) problems.push(unboundedByNature(finding));
  return problems;
}
