import { metricCheck } from '../check.ts';
import { BASE_UNITS, NON_BASE_UNITS, type Unit } from '../../dsl/units.ts';

export const unitSuffixCheck = metricCheck({
  id: 'unit-suffix',
  summary:
    'A declared unit is a base unit and the name ends with it (before _total); a name ending in a unit declares it; non-base units (milliseconds, percent…) are rejected.',
  inspect(metric, report) {
    const unit = metric.unit as string | undefined;
    if (unit !== undefined && !BASE_UNITS.includes(unit as Unit)) {
      report(`unit '${unit}' is not a base unit; use one of ${BASE_UNITS.join(', ')}`);
      return;
    }
    if (!metric.strict) return;
    const stem = metric.type === 'counter' ? metric.name.replace(/_total$/, '') : metric.name;
    const lastWord = stem.slice(stem.lastIndexOf('_') + 1);
    const baseInstead = Object.hasOwn(NON_BASE_UNITS, lastWord) ? NON_BASE_UNITS[lastWord] : undefined;
    if (baseInstead) {
      report(`'${lastWord}' is not a base unit: measure in ${baseInstead} and name the metric …_${baseInstead}`);
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
