/**
 * Prometheus's template functions humanize, humanizePercentage and humanizeDuration (2.53,
 * template/template.go), for packs whose hand-written tests expect the texts of an alert at a
 * value that follows a threshold the project may override. Only the ranges an alert's value
 * takes are written out; `round()` drops the float noise of computed test values.
 */

/** Go's %.4g for the magnitudes alerts show (no exponent form below 1e21). */
function g4(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A computed value without float noise: 0.8 * 0.05 is 0.04, not 0.04000000000000001. */
export function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** The fewest of `total` whose share is above `ratio`: a test value just over a threshold (0.29 of 100 is 30, not 29). */
export function countJustOver(ratio: number, total: number): number {
  return Math.floor(round(ratio * total)) + 1;
}

export function humanizePercentage(ratio: number): string {
  return `${g4(ratio * 100)}%`;
}

const LARGE = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['', 'm', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

export function humanize(value: number): string {
  if (value === 0) return '0';
  let v = value;
  let prefix = 0;
  if (Math.abs(v) >= 1) {
    while (Math.abs(v) >= 1000 && prefix < LARGE.length - 1) [v, prefix] = [v / 1000, prefix + 1];
    return `${g4(v)}${LARGE[prefix]}`;
  }
  while (Math.abs(v) < 1 && prefix < SMALL.length - 1) [v, prefix] = [v * 1000, prefix + 1];
  return `${g4(v)}${SMALL[prefix]}`;
}

export function humanizeDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (Math.abs(seconds) >= 1) {
    const sign = seconds < 0 ? '-' : '';
    const whole = Math.trunc(Math.abs(seconds));
    const [days, hours, minutes, secs] = [Math.trunc(whole / 86_400), Math.trunc(whole / 3_600) % 24, Math.trunc(whole / 60) % 60, whole % 60];
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${secs}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${secs}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${secs}s`;
    return `${sign}${g4(Math.abs(seconds))}s`;
  }
  let v = seconds;
  let prefix = 0;
  while (Math.abs(v) < 1 && prefix < SMALL.length - 1) [v, prefix] = [v * 1000, prefix + 1];
  return `${g4(v)}${SMALL[prefix]}s`;
}
