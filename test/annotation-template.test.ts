import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../generator/validate/annotation-template.ts';

// Each refusal below was compared with promtool check rules (Prometheus 2.53): it refuses the
// template when loading the file, or the template fails at every evaluation.
describe('alert template checker', () => {
  it.each([
    { name: 'plain text passes', text: 'Disk is full', errors: [], labels: [] },
    { name: 'labels and a humanized value pass', text: '{{ $value | humanizePercentage }} on {{ $labels.instance }}', errors: [], labels: ['instance'] },
    { name: 'printf with a format string passes', text: '{{ printf "%.2f" $value }}', errors: [], labels: [] },
    { name: 'a closing brace inside a string is not the end of the action', text: '{{ printf "}}" }}', errors: [], labels: [] },
    { name: 'if/else if/else/end blocks pass', text: '{{ if gt $value 1.0 }}many{{ else if lt $value 0.5 }}few{{ else }}one{{ end }}', errors: [], labels: [] },
    { name: 'trim markers pass', text: '{{- $labels.job -}}', errors: [], labels: ['job'] },
    { name: 'a comment passes', text: '{{- /* why */ -}}x', errors: [], labels: [] },
    { name: 'the data fields pass and .Labels reads a label', text: '{{ .Labels.job }} {{ .Value }} {{ .ExternalURL }} {{ $.Labels.pod }}', errors: [], labels: ['job', 'pod'] },
    { name: 'index on $labels reads a label', text: '{{ index $labels "route" }}', errors: [], labels: ['route'] },
    { name: 'a declared variable passes', text: '{{ $v := $value | humanize }}{{ $v }}', errors: [], labels: [] },
    { name: 'range rebinds the dot and declares its variables', text: '{{ range $i, $s := query "up" }}{{ $s.Labels.job }}{{ .Value }}{{ end }}', errors: [], labels: [] },
    { name: 'with rebinds the dot, and else restores it', text: '{{ with $labels.pod }}{{ . }}{{ else }}{{ .Labels.job }}{{ end }}', errors: [], labels: ['pod', 'job'] },
    { name: 'a field of a dot rebound to a number fails', text: '{{ with $value }}{{ .Labels.job }}{{ end }}', errors: ["'.' (rebound by with or range) is a number: it has no field 'Labels'"], labels: [] },
    { name: 'a piped chain of functions passes', text: '{{ $value | humanize | toUpper }}', errors: [], labels: [] },
    { name: '$label for $labels fails', text: '{{ $label.job }}', errors: ["undefined variable '$label'; did you mean $labels?"], labels: [] },
    { name: 'a capitalised variable fails', text: '{{ $Value }}', errors: ["undefined variable '$Value'; did you mean $value?"], labels: [] },
    { name: 'a variable used outside the block that declared it fails', text: '{{ if $value }}{{ $x := 1 }}{{ end }}{{ $x }}', errors: ["undefined variable '$x'"], labels: [] },
    { name: 'a field the data does not have fails', text: '{{ .labels.job }}', errors: ["the alert's data has no field 'labels'"], labels: [] },
    { name: 'a field of the value fails', text: '{{ $value.job }}', errors: ["$value is a number: it has no field 'job'"], labels: [] },
    { name: 'an unknown function fails', text: '{{ $value | humanise }}', errors: ["function 'humanise' is not defined; did you mean humanize?"], labels: [] },
    { name: 'a function of Prometheus 3 fails', text: '{{ $value | toDuration }}', errors: ["function 'toDuration' is not defined in Prometheus 2.53"], labels: [] },
    { name: 'a function given too many arguments fails', text: '{{ $value | humanize 2 }}', errors: ['humanize takes 1 argument(s), given 2 (the piped value included)'], labels: [] },
    { name: 'a function given no argument fails', text: '{{ humanize }}', errors: ['humanize takes 1 argument(s), given 0'], labels: [] },
    { name: 'a value given arguments fails', text: '{{ $value humanize }}', errors: ["'$value' is not a function"], labels: [] },
    { name: 'a literal after a pipe fails', text: '{{ $value | "%" }}', errors: ['after a pipe comes a function, not \'"%"\''], labels: [] },
    { name: 'an unclosed parenthesis fails', text: '{{ (humanize $value }}', errors: ["unclosed '(': a ')' is missing"], labels: [] },
    { name: 'a stray closing parenthesis fails', text: '{{ humanize $value) }}', errors: ["unexpected ')': it closes no '('"], labels: [] },
    { name: 'an unclosed string fails', text: '{{ "x }}', errors: ['a string at character 4 is never closed'], labels: [] },
    { name: 'a comment not at the delimiter fails', text: '{{ /* c */ }}', errors: ["unexpected '/' at character 4 inside an action"], labels: [] },
    { name: 'an unclosed action fails', text: 'x {{ $value', errors: ["'{{' at character 3 is never closed"], labels: [] },
    { name: 'a stray closing brace fails', text: 'x }} y', errors: ["'}}' at character 3 closes nothing"], labels: [] },
    { name: 'an end without a block fails', text: '{{ end }}', errors: ['{{ end }} closes nothing'], labels: [] },
    { name: 'an if without a condition fails', text: '{{ if }}x{{ end }}', errors: ['{{ if }} needs a condition'], labels: [] },
    { name: 'a break outside a range fails', text: '{{ break }}', errors: ['{{ break }} outside a range'], labels: [] },
    { name: 'a named template fails', text: '{{ template "x" }}', errors: ['{{ template }}: alert templates cannot define or call named templates'], labels: [] },
    { name: 'an empty action fails', text: '{{ }}', errors: ['empty action {{ }}'], labels: [] },
    { name: 'a dangling pipe fails', text: '{{ $value | }}', errors: ['a pipe with nothing after it'], labels: [] },
    { name: 'a double pipe fails', text: '{{ $value || humanize }}', errors: ['a pipe with nothing after it'], labels: [] },
  ])('$name', ({ text, errors, labels }) => {
    const report = checkTemplate(text);
    expect(report.errors).toHaveLength(errors.length);
    errors.forEach((error, i) => expect(report.errors[i]).toContain(error));
    expect(report.labels).toEqual(labels);
  });
});
