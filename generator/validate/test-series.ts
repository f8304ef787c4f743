/**
 * promtool's expanding notation for test input series (`0+60x20`, `1x5`, `_x3`, `stale`), read far
 * enough to know when each series has samples. Samples are one test interval apart from time 0.
 */
const NUMBER = String.raw`[+-]?(?:Inf|NaN|0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)`;
const EXPANDING = new RegExp(String.raw`^(${NUMBER})(?:([+-])(${NUMBER}))?x(\d+)$`);
const SINGLE = new RegExp(`^${NUMBER}$`);

export interface SeriesSamples {
  /** Index of the last step with a value (not `_`, not `stale`); -1 when there is none; undefined when not read. */
  readonly lastSample: number | undefined;
}

/** The steps of one series' values, or an error naming the word promtool would refuse. */
export function readSeriesValues(values: string): SeriesSamples | { error: string } {
  // Native histogram samples (`{{schema:0 sum:5 …}}`) are not read here; promtool judges them.
  if (values.includes('{{')) return { lastSample: undefined };
  let step = 0;
  let lastSample = -1;
  for (const word of values.trim().split(/\s+/).filter(Boolean)) {
    if (word === '_' || word === 'stale') {
      step += 1;
      continue;
    }
    const omitted = /^_x(\d+)$/.exec(word);
    if (omitted) {
      // `_xN` is N missing samples; `axN` is a and N more: N + 1 samples.
      step += Number(omitted[1]);
      continue;
    }
    const expanding = EXPANDING.exec(word);
    if (expanding) {
      step += Number(expanding[4]) + 1;
      lastSample = step - 1;
      continue;
    }
    if (SINGLE.test(word)) {
      lastSample = step;
      step += 1;
      continue;
    }
    return { error: `'${word}' is not promtool's series notation (a number, a+bxN, axN, _ , _xN or stale)` };
  }
  return { lastSample };
}

/** The smallest and largest value a series' notation writes (`0+60x20` is 0–1200); undefined for none or native histograms. */
export function seriesValueBounds(values: string): { readonly min: number; readonly max: number } | undefined {
  if (values.includes('{{')) return undefined;
  const written: number[] = [];
  for (const word of values.trim().split(/\s+/)) {
    const expanding = EXPANDING.exec(word);
    if (expanding) {
      const [start, sign, step, times] = [Number(expanding[1]), expanding[2], Number(expanding[3] ?? 0), Number(expanding[4])];
      written.push(start, start + (sign === '-' ? -1 : 1) * step * times);
    } else if (SINGLE.test(word)) written.push(Number(word));
  }
  const numbers = written.filter((value) => !Number.isNaN(value));
  return numbers.length === 0 ? undefined : { min: Math.min(...numbers), max: Math.max(...numbers) };
}
