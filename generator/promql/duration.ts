/** Prometheus durations (`90s`, `5m`, `1h30m`), as rules, `for` clauses and range selectors use them. */
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_SECONDS = [365 * 86_400, 7 * 86_400, 86_400, 3_600, 60, 1, 0.001];

/** Seconds in a duration, or undefined when it is not a valid Prometheus duration. */
export function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') return undefined;
  return match.slice(1).reduce((total, part, i) => total + (part ? Number(part) * UNIT_SECONDS[i]! : 0), 0);
}
