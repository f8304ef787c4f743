import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../generator/validate/annotation-template.ts';

describe('alert template checker', () => {
  it.each([
    { name: 'plain text passes', text: 'Disk is full', errors: [], labels: [] },
    { name: 'labels and a humanized value pass', text: '{{ $value | humanizePercentage }} on {{ $labels.instance }}', errors: [], labels: ['instance'] },
    { name: 'printf with a format string passes', text: '{{ printf "%.2f" $value }}', errors: [], labels: [] },
    { name: 'if/else/end blocks pass', text: '{{ if gt $value 1.0 }}many{{ else }}one{{ end }}', errors: [], labels: [] },
    { name: 'trim markers pass', text: '{{- $labels.job -}}', errors: [], labels: ['job'] },
    { name: 'an unknown function fails', text: '{{ $value | humanise }}', errors: ["function 'humanise' is not defined"], labels: [] },
    { name: 'an unclosed action fails', text: 'x {{ $value', errors: ["'{{' at character 3 is never closed"], labels: [] },
    { name: 'a stray closing brace fails', text: 'x }} y', errors: ["'}}' at character 3 closes nothing"], labels: [] },
    { name: 'an end without a block fails', text: '{{ end }}', errors: ['{{ end }} closes nothing'], labels: [] },
    { name: 'an empty action fails', text: '{{ }}', errors: ['empty action {{ }}'], labels: [] },
    { name: 'a dangling pipe fails', text: '{{ $value | }}', errors: ['a pipe with nothing after it'], labels: [] },
  ])('$name', ({ text, errors, labels }) => {
    const report = checkTemplate(text);
    expect(report.errors).toEqual(errors);
    expect(report.labels).toEqual(labels);
  });
});
