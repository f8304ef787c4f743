/**
 * Base units, as Prometheus naming practice asks (https://prometheus.io/docs/practices/naming/#base-units):
 * a metric carries its unit as a name suffix and uses the base unit (seconds, not milliseconds;
 * bytes, not megabytes or bits; ratio 0–1, not percent; grams, not kilograms). Kelvin is the one
 * alternative the guidance accepts, for absolute temperatures such as colour temperature.
 */
export const BASE_UNITS = ['seconds', 'bytes', 'ratio', 'celsius', 'kelvin', 'volts', 'amperes', 'joules', 'grams', 'meters'] as const;
export type Unit = (typeof BASE_UNITS)[number];

/** A unit word a metric name must not carry: the base unit to measure in, and how to convert. */
export interface NonBaseUnit {
  readonly base: Unit;
  /** `1 millisecond = 0.001 seconds` */
  readonly convert: string;
  /**
   * Short words (ms, us, kb) mean other things elsewhere in a name (Microsoft, United States,
   * knowledge base), so they count only where a unit goes: last, or right after `per`.
   */
  readonly abbreviation: boolean;
}

const SI_PREFIXES: readonly [string, number][] = [
  ['pico', 1e-12], ['nano', 1e-9], ['micro', 1e-6], ['milli', 1e-3], ['centi', 1e-2], ['deci', 1e-1],
  ['kilo', 1e3], ['mega', 1e6], ['giga', 1e9], ['tera', 1e12], ['peta', 1e15], ['exa', 1e18],
];
const BINARY_PREFIXES: readonly [string, number][] = [['kibi', 2 ** 10], ['mebi', 2 ** 20], ['gibi', 2 ** 30], ['tebi', 2 ** 40], ['pebi', 2 ** 50], ['exbi', 2 ** 60]];
/** Base units that take a prefix, with their singular. */
const PREFIXABLE: readonly [Unit, string][] = [
  ['seconds', 'second'], ['bytes', 'byte'], ['meters', 'meter'], ['grams', 'gram'], ['volts', 'volt'], ['amperes', 'ampere'], ['joules', 'joule'],
];
/** The prefixed symbols in use in names; others (ts, mj) are ambiguous or mean something else. */
const SYMBOLS: Readonly<Record<string, readonly [prefix: string, base: Unit]>> = {
  ps: ['pico', 'seconds'], ns: ['nano', 'seconds'], us: ['micro', 'seconds'], ms: ['milli', 'seconds'],
  kb: ['kilo', 'bytes'], mb: ['mega', 'bytes'], gb: ['giga', 'bytes'], tb: ['tera', 'bytes'], pb: ['peta', 'bytes'],
  kib: ['kibi', 'bytes'], mib: ['mebi', 'bytes'], gib: ['gibi', 'bytes'], tib: ['tebi', 'bytes'], pib: ['pebi', 'bytes'],
  nm: ['nano', 'meters'], um: ['micro', 'meters'], mm: ['milli', 'meters'], cm: ['centi', 'meters'], km: ['kilo', 'meters'],
  mg: ['milli', 'grams'], kg: ['kilo', 'grams'], mv: ['milli', 'volts'], kv: ['kilo', 'volts'], ma: ['milli', 'amperes'], kj: ['kilo', 'joules'],
};

const table = new Map<string, NonBaseUnit>();
function add(words: readonly string[], base: Unit, convert: string, abbreviation = false): void {
  for (const word of words) if (!table.has(word)) table.set(word, { base, convert, abbreviation });
}
/** 1e9 rather than 1000000000; binary multiples stay exact (1048576). */
const number = (n: number) => (Number.isInteger(Math.log2(n)) && n >= 1 ? String(n) : n >= 1e4 || n < 1e-3 ? n.toExponential().replace('e+', 'e') : String(n));
const factors = new Map([...SI_PREFIXES, ...BINARY_PREFIXES]);
const conversion = (prefix: string, singular: string, base: Unit) => `1 ${prefix}${singular} = ${number(factors.get(prefix)!)} ${base}`;

for (const [base, singular] of PREFIXABLE) {
  const prefixes = base === 'bytes' ? [...SI_PREFIXES, ...BINARY_PREFIXES] : SI_PREFIXES;
  for (const [prefix] of prefixes) add([`${prefix}${base}`, `${prefix}${singular}`], base, conversion(prefix, singular, base));
}
for (const [symbol, [prefix, base]] of Object.entries(SYMBOLS)) {
  add([symbol], base, conversion(prefix, PREFIXABLE.find(([unit]) => unit === base)![1], base), true);
}
add(['µs', 'μs', 'usec', 'usecs', 'msec', 'msecs', 'nsec', 'nsecs', 'millis', 'micros', 'nanos'], 'seconds', 'convert to seconds: 1 ms = 0.001 s, 1 µs = 1e-6 s, 1 ns = 1e-9 s', true);
add(['sec', 'secs'], 'seconds', 'spell the unit out: seconds', true);
add(['megs', 'gigs'], 'bytes', 'spell the unit out in bytes: 1 meg = 1e6 bytes, 1 gig = 1e9 bytes', true);
add(['minutes', 'mins'], 'seconds', '1 minute = 60 seconds');
add(['minute'], 'seconds', '1 minute = 60 seconds', true);
add(['hours', 'hrs'], 'seconds', '1 hour = 3600 seconds');
add(['hour', 'hr'], 'seconds', '1 hour = 3600 seconds', true);
add(['days'], 'seconds', '1 day = 86400 seconds');
add(['day'], 'seconds', '1 day = 86400 seconds', true);
add(['weeks'], 'seconds', '1 week = 604800 seconds');
add(['week'], 'seconds', '1 week = 604800 seconds', true);
add(['months'], 'seconds', 'a month has no fixed length: store seconds (or a timestamp in seconds)');
add(['month'], 'seconds', 'a month has no fixed length: store seconds (or a timestamp in seconds)', true);
add(['years', 'yrs'], 'seconds', 'a year has no fixed length: store seconds (or a timestamp in seconds)');
add(['year'], 'seconds', 'a year has no fixed length: store seconds (or a timestamp in seconds)', true);
for (const [prefix, factor] of [['', 1], ...SI_PREFIXES, ...BINARY_PREFIXES] as [string, number][]) {
  add([`${prefix}bits`, `${prefix}bit`], 'bytes', `always bytes, even where bits are usual: 1 ${prefix}bit = ${number(factor / 8)} bytes`);
}
add(['kbit', 'mbit', 'gbit', 'kbits', 'mbits', 'gbits', 'bps', 'kbps', 'mbps', 'gbps'], 'bytes', 'always bytes, even where bits are usual: count bytes in a …_bytes_total counter (8 bits = 1 byte) and let rate() give bytes per second', true);
add(['percent', 'percentage', 'percents', 'percentages', 'permille', 'promille'], 'ratio', 'ratios run 0–1: divide a percentage by 100 (per mille by 1000)');
add(['pct', 'perc'], 'ratio', 'ratios run 0–1: divide a percentage by 100', true);
add(['fahrenheit'], 'celsius', '°C = (°F − 32) × 5/9');
add(['metres', 'metre'], 'meters', 'Prometheus spells it meters');
add(['miles', 'mile'], 'meters', '1 mile = 1609.344 meters');
add(['feet', 'foot'], 'meters', '1 foot = 0.3048 meters');
add(['inches', 'inch'], 'meters', '1 inch = 0.0254 meters');
add(['yards', 'yard'], 'meters', '1 yard = 0.9144 meters');
add(['pounds'], 'grams', '1 pound = 453.59237 grams');
add(['lbs'], 'grams', '1 pound = 453.59237 grams', true);
add(['ounces'], 'grams', '1 ounce = 28.349523125 grams');
add(['oz'], 'grams', '1 ounce = 28.349523125 grams', true);
add(['tonnes', 'tons'], 'grams', '1 tonne = 1e6 grams');
add(['amps', 'milliamps'], 'amperes', 'spell the unit out: 1 amp = 1 ampere, 1 milliamp = 0.001 amperes');
add(['amp'], 'amperes', 'spell the unit out: 1 amp = 1 ampere', true);
const power = 'power has no base unit: export a counter of energy (…_joules_total) and let rate() give watts';
add(['watts', 'watt', 'kilowatts', 'kilowatt', 'milliwatts', 'megawatts'], 'joules', power);
add(['kw', 'mw'], 'joules', power, true);
const energy = '1 watt-hour = 3600 joules, 1 calorie = 4.184 joules';
add(['watthours', 'kilowatthours', 'calories', 'kilocalories'], 'joules', energy);
add(['kwh', 'wh', 'kcal'], 'joules', energy, true);

/** Unit words that must not appear in a metric name, with the base unit to measure in instead. */
export const NON_BASE_UNITS: ReadonlyMap<string, NonBaseUnit> = table;
