/**
 * An alert's scenario in the model: the author's functions wrapped so they return promtool input
 * series (named by the catalogue's resolver) at whatever scrape interval and length the generator asks for.
 */
import { formatSeries, type Scenario, type ScenarioContext, type ScenarioTarget, type SeriesInput } from '../dsl/rules.ts';
import type { Resolver } from './resolve.ts';
import type { ModelScenario, ModelSeriesInput } from './types.ts';

export function scenarioOf(scenario: Scenario | undefined, resolver: Resolver, report: (message: string) => void): ModelScenario | undefined {
  if (scenario === undefined) return undefined;
  if (typeof scenario !== 'object' || scenario === null || typeof scenario.series !== 'function' || typeof scenario.target?.job !== 'string' || typeof scenario.target?.instance !== 'string') {
    report('scenario must be { target: { job, instance }, series: (value, s) => [input(...)], idle?: (s) => [input(...)] }');
    return undefined;
  }
  const rendered = (inputs: readonly SeriesInput[]): ModelSeriesInput[] => inputs.map((input) => ({ series: formatSeries(resolver.name(input.target), input.labels), values: input.values }));
  const { idle } = scenario;
  return {
    target: scenario.target,
    series: (value, target, interval, samples) => rendered(scenario.series(value, context(target, interval, samples))),
    idle: idle && ((target, interval, samples) => rendered(idle(context(target, interval, samples)))),
  };
}

function context(target: ScenarioTarget, interval: number, samples: number): ScenarioContext {
  return {
    target,
    gauge: (value) => `${number(value)}x${samples}`,
    counter: (perSecond) => `0+${number(perSecond * interval)}x${samples}`,
  };
}

/** Shortest text that reads back as the same double: promtool parses it as Go's ParseFloat. */
function number(value: number): string {
  return String(value);
}
