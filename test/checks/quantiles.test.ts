import { gauge, summary } from '../../generator/index.ts';
import { quantilesCheck } from '../../generator/validate/checks/quantiles.ts';
import { checkTable } from '../helpers/check-table.ts';

const withQuantiles = (quantiles: unknown) => ({ m: summary({ name: 'x_seconds', help: 'h', unit: 'seconds', quantiles: quantiles as number[] }) });

checkTable(quantilesCheck, [
  { name: 'increasing quantiles between 0 and 1 pass', metrics: withQuantiles([0.5, 0.9, 0.99]), expect: [] },
  { name: 'a summary without quantiles is rejected', metrics: withQuantiles([]), expect: ['a summary needs quantiles'] },
  { name: 'a quantile above 1 is rejected', metrics: withQuantiles([0.5, 1.5]), expect: ['quantile 1.5 is outside 0–1'] },
  { name: 'quantiles out of order are rejected', metrics: withQuantiles([0.9, 0.5]), expect: ['0.5 follows 0.9'] },
  { name: 'a gauge cannot take quantiles', metrics: { m: { ...gauge({ name: 'g', help: 'h' }), quantiles: [0.5] } }, expect: ['only summaries take quantiles'] },
]);
