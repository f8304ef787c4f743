/**
 * The dashboard linter's variable expansion (dashboard-linter lint/variables.go): before parsing a
 * query it replaces every `$var`, `${var}` and `[[var]]` outside double quotes with a sample value,
 * so `[$__rate_interval]` parses and `job=~"$job"` stays the literal matcher the rules look for.
 */
export interface LintVariable {
  readonly name?: string;
  readonly current?: { readonly value?: unknown } | null;
  readonly options?: readonly { readonly value?: unknown }[];
}

/** The linter's sample values: odd durations, so the rate-interval rule recognises `$__rate_interval` by its length. */
export const RATE_INTERVAL_SAMPLE = '8869990787ms';
const GLOBALS: Readonly<Record<string, string>> = {
  __rate_interval: RATE_INTERVAL_SAMPLE,
  __interval: '4867856611ms',
  __interval_ms: '7781188786',
  __range_ms: '6737667980',
  __range_s: '9397795485',
  __range: '6069770749ms',
  __dashboard: 'AwREbnft',
  __from: '1594671549254',
  __to: '1594671549254',
  __name: 'name',
  __org: '42',
  '__org.name': 'orgname',
  '__user.id': '42',
  '__user.login': 'user',
  '__user.email': 'user@test.com',
  timeFilter: 'time > now() - 7d',
  __timeFilter: 'time > now() - 7d',
  __auto: '12345ms',
};

const VARIABLE = /\$(\w+)|\$\{([^}]+)\}|\[\[([^[\]]+)\]\]/g;

export function expandVariables(expr: string, variables: readonly LintVariable[]): string {
  return expr
    .split('"')
    .map((part, index) => (index % 2 === 1 ? part : part.replace(VARIABLE, (_, a, b, c) => sampleValue(a ?? b ?? c, variables))))
    .join('"');
}

function sampleValue(reference: string, variables: readonly LintVariable[]): string {
  const [name = '', ...format] = reference.split(':');
  const global = GLOBALS[name];
  if (global !== undefined) return global;
  if (name.startsWith('__auto_interval')) return '10s';
  const variable = variables.find((v) => v.name === name);
  if (variable) {
    const rest = variables.filter((v) => v !== variable);
    const current = firstString(variable.current?.value);
    if (current) return expandVariables(current, rest);
    const option = firstString(variable.options?.[0]?.value);
    if (option !== undefined) return expandVariables(option, rest);
  }
  return formatted(name, format.at(-1));
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** A variable the linter knows nothing about stands for its own name, three times for list formats. */
function formatted(name: string, format: string | undefined): string {
  const list = [name, name, name];
  switch (format) {
    case 'csv':
    case 'raw':
      return list.join(',');
    case 'pipe':
    case 'regex':
      return list.join('|');
    case 'doublequote':
      return `"${list.join('","')}"`;
    case 'singlequote':
    case 'sqlstring':
      return `'${list.join("','")}'`;
    case 'glob':
      return `{${list.join(',')}}`;
    case 'json':
      return JSON.stringify(list);
    default:
      return name;
  }
}
