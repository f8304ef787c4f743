import type { RangeWindow, Selector } from '../analyze.ts';
import type { QueryContext } from '../context.ts';
import type { QueryCheck } from './query-check.ts';

/** A window must hold several scrapes, or one missed scrape leaves rate() with nothing to work on. */
export const MIN_SCRAPES_PER_WINDOW = 4;

export const rangeWindowCheck: QueryCheck = {
  id: 'promql-range-window',
  summary: `Range windows are valid durations of at least ${MIN_SCRAPES_PER_WINDOW} intervals of what they read: the scrape interval of the jobs exposing the metric, a recording rule's evaluation interval, a subquery's step.`,
  fix: 'Widen the window to at least four intervals of what it reads (5m over a 1m scrape), and write it as a duration.',
  run(analysis, context) {
    const problems: string[] = [];
    for (const window of analysis.windows) {
      if (window.seconds === undefined) problems.push(`range window '${window.text}' is not a duration`);
      else if (window.resolution && window.resolution.seconds === undefined) problems.push(`subquery step '${window.resolution.text}' is not a duration`);
      else {
        const { seconds, unit, why } = sampleInterval(window, context);
        const minimum = MIN_SCRAPES_PER_WINDOW * seconds;
        if (window.seconds < minimum) {
          const written =
            window.kind === 'subquery' ? `subquery range [${window.text}:${window.resolution?.text ?? ''}] over ${window.over}` : `range window [${window.text}] over ${window.over}`;
          problems.push(`${written} is shorter than ${MIN_SCRAPES_PER_WINDOW} ${unit} (${minimum}s: ${why}); widen it to at least ${minimum}s`);
        }
      }
    }
    return problems;
  },
};

/** How often the samples a window gathers change: the slowest of its sources, and a subquery's step. */
function sampleInterval(window: RangeWindow, context: QueryContext): { seconds: number; unit: string; why: string } {
  const sources = window.reads.map((selector) => ({ selector, seconds: intervalOf(selector, context) }));
  const slowest = sources.reduce<{ selector: Selector | undefined; seconds: number }>((a, b) => (b.seconds > a.seconds ? b : a), {
    selector: undefined,
    seconds: window.kind === 'range' && sources.length === 0 ? context.scrapeIntervalSeconds : 0,
  });
  const step = window.kind === 'subquery' ? (window.resolution?.seconds ?? context.evaluationIntervalSeconds) : 0;
  if (step >= slowest.seconds) {
    return { seconds: step, unit: 'steps', why: window.resolution ? `a step of ${step}s` : `no step given: the evaluation interval, ${step}s` };
  }
  const { selector, seconds } = slowest;
  if (!selector) return { seconds, unit: 'scrape intervals', why: `at ${seconds}s scrapes` };
  if (selector.recording) return { seconds, unit: 'evaluations', why: `recording rule ${selector.name} is evaluated every ${seconds}s` };
  return { seconds, unit: 'scrape intervals', why: `${selector.name} is scraped every ${seconds}s` };
}

function intervalOf(selector: Selector, context: QueryContext): number {
  if (selector.recording) return context.evaluationIntervalSeconds;
  return selector.series?.scrapeIntervalSeconds ?? context.scrapeIntervalSeconds;
}
