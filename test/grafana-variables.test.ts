/** Grafana's variable syntax as the checks and the live tests read it: references found, and values put in their place. */
import { describe, expect, it } from 'vitest';
import { substituteVariables, variableReferences } from '../generator/grafana/variables.ts';

describe('variableReferences', () => {
  it.each([
    { name: 'finds $name, ${name}, ${name:format}, ${name.field} and [[name]]', text: '$a ${b} ${c:regex} ${__user.login} [[d]] [[e:csv]]', expect: ['a', 'b', 'c', '__user', 'd', 'e'] },
    { name: 'reads the longest run of word characters, as Grafana does', text: '$my-var', expect: ['my'] },
    { name: 'leaves regex group references such as $1 and ${2} alone', text: 'label_replace(x, "d", "$1-${2}", "s", "(.*)-(.*)")', expect: [] },
    { name: 'ignores a $ that starts no name', text: 'a{path=~"^/api$"} costs $ 5', expect: [] },
  ])('$name', ({ text, expect: expected }) => {
    expect(variableReferences(text).map((reference) => reference.name)).toEqual(expected);
  });

  it('marks the deprecated [[name]] form', () => {
    expect(variableReferences('[[job]] $job').map((reference) => reference.legacy)).toEqual([true, false]);
  });
});

describe('substituteVariables', () => {
  it.each([
    { name: 'puts four scrape intervals in for $__rate_interval and $__interval', expr: 'rate(x[$__rate_interval]) + rate(x[${__interval}])', expect: 'rate(x[60s]) + rate(x[60s])' },
    { name: 'gives the _ms variants in milliseconds', expr: '$__rate_interval_ms + $__interval_ms + $__range_ms', expect: '60000 + 60000 + 3600000' },
    { name: 'takes the dashboard hour for $__range and $__range_s', expr: 'increase(x[$__range]) / $__range_s', expect: 'increase(x[1h]) / 3600' },
    { name: 'selects everything for label variables in every form', expr: 'x{a=~"$a", b=~"${b:regex}", c=~"[[c]]"}', expect: 'x{a=~".*", b=~".*", c=~".*"}' },
    { name: 'keeps the group references of label_replace', expr: 'label_replace(x, "d", "$1", "s", "(.*)")', expect: 'label_replace(x, "d", "$1", "s", "(.*)")' },
  ])('$name', ({ expr, expect: expected }) => {
    expect(substituteVariables(expr, 15)).toBe(expected);
  });
});
