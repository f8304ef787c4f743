/**
 * Base units, as Prometheus naming practice asks: a metric carries its unit as a name suffix and
 * uses the base unit (seconds, not milliseconds; bytes, not megabytes; ratio 0–1, not percent).
 */
export const BASE_UNITS = ['seconds', 'bytes', 'ratio', 'celsius', 'volts', 'amperes', 'joules', 'grams', 'meters'] as const;
export type Unit = (typeof BASE_UNITS)[number];

/** Unit words that must not end a metric name, with the base unit to use instead. */
export const NON_BASE_UNITS: Readonly<Record<string, Unit>> = {
  milliseconds: 'seconds',
  microseconds: 'seconds',
  nanoseconds: 'seconds',
  ms: 'seconds',
  minutes: 'seconds',
  hours: 'seconds',
  days: 'seconds',
  kilobytes: 'bytes',
  megabytes: 'bytes',
  gigabytes: 'bytes',
  kb: 'bytes',
  mb: 'bytes',
  gb: 'bytes',
  bits: 'bytes',
  percent: 'ratio',
  percentage: 'ratio',
  fahrenheit: 'celsius',
};
