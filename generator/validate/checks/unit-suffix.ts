import { metricCheck } from '../check.ts';
import { BASE_UNITS, NON_BASE_UNITS, type NonBaseUnit, type Unit } from '../../dsl/units.ts';
import { shown } from '../readable-text.ts';

/** Words that may follow the unit: type suffixes (`_ms_total`, `_ms_bucket`) and statistics (`_ms_avg`, `_ms_p99`). */
const AFTER_UNIT = /^(total|bucket|sum|count|created|info|avg|average|mean|median|max|min|maximum|minimum|peak|last|current|p\d+)$/;

/** The first unit word of a name that is not a base unit, with where it sits. */
function nonBaseUnitIn(name: string): { word: string; unit: NonBaseUnit } | undefined {
  const tokens = name.toLowerCase().split('_');
  let unitPosition = tokens.length - 1;
  while (unitPosition > 0 && AFTER_UNIT.test(tokens[unitPosition]!)) unitPosition--;
  for (const [i, word] of tokens.entries()) {
    const unit = NON_BASE_UNITS.get(word);
    if (unit && (!unit.abbreviation || i === unitPosition || tokens[i - 1] === 'per')) return { word, unit };
  }
  return undefined;
}

export const unitSuffixCheck = metricCheck({
  id: 'unit-suffix',
  summary:
    'A declared unit is a base unit and the name ends with it (before _total); a name ending in a unit declares it; no word of an application metric name is a non-base unit (ms, kb, minutes, percent, bits…).',
  fix: 'Measure in the base unit the message names and end the name with it (request_duration_seconds, not request_duration_ms); convert where you record the value.',
  inspect(metric, report) {
    const unit = metric.unit as unknown;
    if (unit !== undefined && !BASE_UNITS.includes(unit as Unit)) {
      const known = typeof unit === 'string' ? NON_BASE_UNITS.get(unit.toLowerCase()) : undefined;
      report(
        known
          ? `unit ${shown(unit)} is not a base unit: measure in ${known.base} (${known.convert}) and declare unit: '${known.base}'`
          : `unit ${shown(unit)} is not a base unit; use one of ${BASE_UNITS.join(', ')}`,
      );
      return;
    }
    if (!metric.appOwned) return;
    const stem = metric.type === 'counter' ? metric.name.replace(/_total$/, '') : metric.name;
    const nonBase = nonBaseUnitIn(metric.name);
    if (nonBase) {
      const { word, unit: instead } = nonBase;
      report(`'${word}' is not a base unit: measure in ${instead.base} (${instead.convert}) and name the metric …_${instead.base}`);
      return;
    }
    if (unit === undefined) {
      const named = BASE_UNITS.find((base) => stem.endsWith(`_${base}`));
      if (named) report(`the name ends in _${named}, so declare unit: '${named}'`);
      return;
    }
    if (!stem.endsWith(`_${unit}`)) {
      const where = metric.type === 'counter' ? ' before _total' : '';
      report(`unit is ${unit}, so the name must end in _${unit}${where}`);
    }
    if (unit === 'ratio' && metric.type === 'counter') report('a ratio (0–1) cannot be a counter; use a gauge');
  },
});
