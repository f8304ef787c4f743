import type { QueryCheck } from './query-check.ts';

/** A window must hold several scrapes, or one missed scrape leaves rate() with nothing to work on. */
export const MIN_SCRAPES_PER_WINDOW = 4;

export const rangeWindowCheck: QueryCheck = {
  id: 'promql-range-window',
  summary: `Range windows are valid durations of at least ${MIN_SCRAPES_PER_WINDOW} scrape intervals.`,
  run(analysis, context) {
    const minimum = MIN_SCRAPES_PER_WINDOW * context.scrapeIntervalSeconds;
    const problems: string[] = [];
    for (const window of analysis.windows) {
      if (window.seconds === undefined) problems.push(`range window '${window.text}' is not a duration`);
      else if (window.seconds < minimum) {
        problems.push(`range window [${window.text}] is shorter than ${MIN_SCRAPES_PER_WINDOW} scrape intervals (${minimum}s at ${context.scrapeIntervalSeconds}s scrapes)`);
      }
    }
    return problems;
  },
};
