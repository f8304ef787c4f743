/**
 * A parser for the Prometheus text exposition format (version 0.0.4), enough to compare what a
 * live target exposes with the catalogue: family names, types, and the labels of every sample.
 */

export type ExposedType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly type: ExposedType;
  readonly help: string;
  readonly samples: Sample[];
  /**
   * Read back from Prometheus, which stores a label with an empty value as no label at all
   * (node_exporter's device_error=""): a catalogued label may be missing without drift.
   */
  readonly emptyLabelsDropped?: boolean;
}

const SUFFIXES: Record<ExposedType, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
  counter: [],
  gauge: [],
  untyped: [],
};

export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const family = (name: string): Family => {
    let existing = families.get(name);
    if (!existing) {
      existing = { name, type: 'untyped', help: '', samples: [] };
      families.set(name, existing);
    }
    return existing;
  };
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const match = /^#\s+(HELP|TYPE)\s+(\S+)\s*(.*)$/.exec(line);
      if (!match) continue;
      // The pattern's three groups always take part in a match.
      const [keyword, name, rest] = match.slice(1) as [string, string, string];
      if (keyword === 'TYPE') families.set(name, { ...family(name), type: rest as ExposedType });
      else families.set(name, { ...family(name), help: rest });
      continue;
    }
    const sample = parseSample(line, index + 1);
    family(familyOf(sample.name, families)).samples.push(sample);
  }
  return families;
}

/** The family a sample belongs to: `x_bucket` belongs to histogram `x` when `x` was declared. */
function familyOf(sampleName: string, families: Map<string, Family>): string {
  if (families.has(sampleName)) return sampleName;
  for (const candidate of families.values()) {
    if (SUFFIXES[candidate.type]?.some((suffix) => sampleName === candidate.name + suffix)) return candidate.name;
  }
  return sampleName;
}

function parseSample(line: string, lineNumber: number): Sample {
  const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (!nameMatch) throw new Error(`line ${lineNumber}: expected a metric name: ${line}`);
  const name = nameMatch[0];
  let position = name.length;
  const labels: Record<string, string> = {};
  if (line[position] === '{') {
    position++;
    while (line[position] !== '}') {
      const labelMatch = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"/.exec(line.slice(position));
      if (!labelMatch) throw new Error(`line ${lineNumber}: malformed labels: ${line}`);
      position += labelMatch[0].length;
      let value = '';
      for (;;) {
        const char = line[position];
        if (char === undefined) throw new Error(`line ${lineNumber}: unterminated label value: ${line}`);
        position++;
        if (char === '"') break;
        if (char === '\\') {
          const escaped = line[position++];
          value += escaped === 'n' ? '\n' : (escaped ?? '');
        } else value += char;
      }
      labels[labelMatch[1]!] = value;
      const separator = /^\s*,?\s*/.exec(line.slice(position))!;
      position += separator[0].length;
      if (position >= line.length) throw new Error(`line ${lineNumber}: unterminated labels: ${line}`);
    }
    position++;
  }
  const valueText = line.slice(position).trim().split(/\s+/)[0] ?? '';
  // Go parses special values case-insensitively, and prom-client writes NaN as "Nan".
  const special = valueText.toLowerCase();
  const value = special === '+inf' || special === 'inf' ? Infinity : special === '-inf' ? -Infinity : special === 'nan' ? NaN : Number(valueText);
  if (valueText === '' || (Number.isNaN(value) && special !== 'nan')) throw new Error(`line ${lineNumber}: bad value: ${line}`);
  return { name, labels, value };
}

/** Label names a family's samples carry, without the le/quantile the format adds. */
export function labelNamesOf(family: Family): string[] {
  const names = new Set<string>();
  for (const sample of family.samples) {
    for (const label of Object.keys(sample.labels)) {
      if ((family.type === 'histogram' && label === 'le') || (family.type === 'summary' && label === 'quantile')) continue;
      names.add(label);
    }
  }
  return [...names].sort();
}
