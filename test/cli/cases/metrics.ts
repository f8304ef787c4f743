/**
 * Invalid metric definitions through the real CLI: labels unbounded by their nature (identifiers,
 * addresses, free text, by name or by listed value), text that cannot be read, non-base units.
 */
import { exporter, metric, type InvalidCase } from '../../helpers/invalid.ts';

export const where = (name: string) => `catalog/case.ts: ${name}`;
export const labelled = (labels: string) => metric(`a: counter({ name: 'a_total', help: 'h', labels: { ${labels} } }),`);
export const many = Array.from({ length: 1000 }, (_, i) => `'v${i}'`).join(', ');

export const CASES: InvalidCase[] = [
  // Cardinality by what a label is.
  { name: 'an id-like label name under a generous bound', files: labelled("customer_ref: bounded(200, 'few customers')"), where: where('app_a_total'), rule: 'label-values', message: "label 'customer_ref': is unbounded by nature: it holds an identifier ('ref' in its name)" },
  { name: 'an address label', files: labelled("host_addr: bounded(50, 'our hosts')"), where: where('app_a_total'), rule: 'label-values', message: "it holds an address ('addr' in its name)" },
  { name: 'a free-text label', files: labelled("error_message: bounded(20, 'a few errors')"), where: where('app_a_total'), rule: 'label-values', message: "it holds free text ('message' in its name)" },
  { name: 'a user agent label', files: labelled("user_agent: bounded(20, 'browsers')"), where: where('app_a_total'), rule: 'label-values', message: 'use a client type label (browser, mobile, bot) instead' },
  { name: 'listed values that are IP addresses', files: labelled("backend: ['10.0.0.1', '10.0.0.2']"), where: where('app_a_total'), rule: 'label-values', message: "value '10.0.0.1' (an IP address)" },
  { name: 'listed values that are UUIDs', files: labelled("owner: ['f47ac10b-58cc-4372-a567-0e02b2c3d479']"), where: where('app_a_total'), rule: 'label-values', message: '(a UUID)' },
  { name: 'a listed reason written as a sentence', files: labelled("reason: ['connection refused by upstream', 'timeout']"), where: where('app_a_total'), rule: 'label-values', message: 'holds free text' },
  { name: 'a list of a thousand values behind a labelSets cap', files: metric(`a: counter({ name: 'a_total', help: 'h', labels: { product: [${many}] }, labelSets: bounded(10, 'few') }),`), where: where('app_a_total'), rule: 'label-values', message: 'lists 1000 values, over limits.maxLabelBound (256)' },
  { name: 'an upstream identifier label without an acknowledgement', files: metric("a: gauge({ name: 'kube_pod_info', help: 'h', labels: { uid: bounded(128, 'one per pod') } }),", { owner: exporter }), where: where('kube_pod_info'), rule: 'label-values', message: "label 'uid': is unbounded by nature" },
  { name: 'an acknowledgement of the wrong kind', files: labelled("session_id: bounded(8, 'few', { address: 'why' })"), where: where('app_a_total'), rule: 'label-values', message: 'acknowledges an address, but it holds an identifier' },
  { name: 'an acknowledgement without a reason', files: labelled("pod_uid: bounded(8, 'few', { identifier: '' })"), where: where('app_a_total'), rule: 'label-values', message: 'without saying why it stays bounded' },
  // Text that cannot be read.
  { name: 'a label value with a newline', files: labelled("status: ['ok', 'fail\\nure']"), where: where('app_a_total'), rule: 'label-values', message: 'contains U+000A (control character)' },
  { name: 'a label value with a zero-width space', files: labelled("status: ['ok', 'ok\\u200b']"), where: where('app_a_total'), rule: 'label-values', message: 'contains U+200B' },
  { name: 'a help text of zero-width spaces', files: metric("a: gauge({ name: 'g', help: '\\u200b\\u200b' }),"), where: where('app_g'), rule: 'help-text', message: 'no visible characters' },
  { name: 'a help text of no-break spaces', files: metric("a: gauge({ name: 'g', help: '\\u00a0\\u00a0' }),"), where: where('app_g'), rule: 'help-text', message: 'no visible characters' },
  { name: 'a help text with an escape sequence', files: metric("a: gauge({ name: 'g', help: 'Jobs \\u001b[31mwaiting' }),"), where: where('app_g'), rule: 'help-text', message: 'contains U+001B (control character)' },
  { name: 'a bound whose reason is invisible', files: labelled("shard: bounded(8, '\\u200b')"), where: where('app_a_total'), rule: 'label-values', message: "the bound's reason has no visible characters" },
  // Units.
  { name: 'milliseconds before _total', files: metric("a: counter({ name: 'request_ms_total', help: 'h' }),"), where: where('app_request_ms_total'), rule: 'unit-suffix', message: "'ms' is not a base unit: measure in seconds (1 millisecond = 0.001 seconds)" },
  { name: 'a size in kilobytes', files: metric("a: gauge({ name: 'size_kb', help: 'h' }),"), where: where('app_size_kb'), rule: 'unit-suffix', message: 'measure in bytes (1 kilobyte = 1000 bytes)' },
  { name: 'microseconds inside a name', files: metric("a: gauge({ name: 'latency_microseconds_max', help: 'h' }),"), where: where('app_latency_microseconds_max'), rule: 'unit-suffix', message: 'measure in seconds' },
  { name: 'a duration in hours', files: metric("a: gauge({ name: 'cert_expiry_hours', help: 'h' }),"), where: where('app_cert_expiry_hours'), rule: 'unit-suffix', message: '1 hour = 3600 seconds' },
  { name: 'bits instead of bytes', files: metric("a: counter({ name: 'received_bits_total', help: 'h' }),"), where: where('app_received_bits_total'), rule: 'unit-suffix', message: 'always bytes, even where bits are usual' },
  { name: 'a percentage abbreviated', files: metric("a: gauge({ name: 'disk_used_pct', help: 'h' }),"), where: where('app_disk_used_pct'), rule: 'unit-suffix', message: 'measure in ratio' },
  { name: 'a declared unit in megabytes', files: metric("a: gauge({ name: 'heap_bytes', help: 'h', unit: 'megabytes' }),"), where: where('app_heap_bytes'), rule: 'unit-suffix', message: "unit 'megabytes' is not a base unit: measure in bytes (1 megabyte = 1e6 bytes)" },
  { name: 'power in watts', files: metric("a: gauge({ name: 'power_watts', help: 'h' }),"), where: where('app_power_watts'), rule: 'unit-suffix', message: '…_joules_total' },
  // Found by the adversarial pass: moments, and marks with nothing to mark.
  { name: 'a timestamp label under a bound', files: labelled("timestamp: bounded(100, 'recent ones')"), where: where('app_a_total'), rule: 'label-values', message: "it holds an identifier ('timestamp' in its name)" },
  { name: 'listed values that are dates', files: labelled("day: ['2024-01-01', '2024-01-02']"), where: where('app_a_total'), rule: 'label-values', message: "value '2024-01-01' (a date or time; one series per moment)" },
  { name: 'a help text of combining marks alone', files: metric("a: gauge({ name: 'g', help: '\\u0301\\u0301' }),"), where: where('app_g'), rule: 'help-text', message: 'no visible characters' },
  { name: 'a process id label', files: labelled("pid: bounded(64, 'few processes')"), where: where('app_a_total'), rule: 'label-values', message: "it holds an identifier ('pid' in its name)" },
  { name: 'a size in megs', files: metric("a: gauge({ name: 'heap_megs', help: 'h' }),"), where: where('app_heap_megs'), rule: 'unit-suffix', message: "'megs' is not a base unit: measure in bytes" },
];
