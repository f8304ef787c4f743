/**
 * A metric, rule or threshold that does not exist reaches the DSL as undefined (a rename the
 * bundle does not type-check). The DSL refuses it where it is written, so the file fails to load
 * at that line, instead of the generator failing later with "Cannot read properties of undefined".
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, countOf, counter, input, labelVariable, promql, sumOf } from '../generator/index.ts';
import { MissingDefinitionError } from '../generator/dsl/missing.ts';
import { queryText } from './helpers/query.ts';

const requests = counter({ name: 'requests_total', help: 'h', labels: { route: ['/a'] } });
const thresholds: Record<string, number> = { errorRatio: 0.05 };
const missing = undefined as never;

describe('a missing definition is refused where it is written', () => {
  it.each([
    { name: 'a threshold that is not in the config', write: () => promql`rate(${requests}[5m]) > ${thresholds.errorRatioo!}`, says: 'the value interpolated after promql`rate(${…}[5m]) >` is undefined' },
    { name: 'a metric that is not in the catalogue, in a query', write: () => promql`sum(rate(${missing}[5m]))`, says: 'the value interpolated after promql`sum(rate(` is undefined' },
    { name: 'a null where a metric goes', write: () => promql`sum(${null as never})`, says: 'is null' },
    { name: 'a missing metric in a test input', write: () => input(missing, {}, '0x10'), says: 'the metric of input() is undefined' },
    { name: 'a missing histogram in bucketOf', write: () => bucketOf(missing), says: 'the metric of bucketOf() is undefined' },
    { name: 'a missing summary in sumOf', write: () => sumOf(missing), says: 'the metric of sumOf() is undefined' },
    { name: 'a missing histogram in countOf', write: () => countOf(missing), says: 'the metric of countOf() is undefined' },
    { name: 'a missing metric in a dashboard variable', write: () => labelVariable(missing, 'route' as never), says: 'the metric of labelVariable() is undefined' },
  ])('$name', ({ write, says }) => {
    expect(write).toThrow(MissingDefinitionError);
    expect(write).toThrow(says);
  });

  it('zero and empty text are values, not missing ones', () => {
    expect(queryText(promql`rate(${requests}[5m]) > ${0}${''}`, 'app')).toBe('rate(requests_total[5m]) > 0');
  });
});
