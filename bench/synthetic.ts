/** Writes synthetic catalogues of a given size, shaped like the reference one (labels, histograms). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOMAINS = 20;

export function writeSyntheticProject(root: string, metricCount: number): void {
  mkdirSync(join(root, 'catalog'), { recursive: true });
  writeFileSync(
    join(root, 'sextant.config.ts'),
    "import { defineConfig } from 'sextant';\n" +
      "export default defineConfig({ namespace: 'synthetic', limits: { seriesPerMetric: 10_000, seriesTotal: 100_000_000, maxLabelBound: 256 } });\n",
  );
  const perDomain = Math.ceil(metricCount / DOMAINS);
  for (let d = 0; d < DOMAINS; d++) {
    const lines: string[] = [];
    for (let i = d * perDomain; i < Math.min(metricCount, (d + 1) * perDomain); i++) lines.push(`    m${i}: ${metricSource(i)},`);
    writeFileSync(
      join(root, 'catalog', `domain_${String(d).padStart(2, '0')}.ts`),
      `import { bounded, counter, defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';
export default defineDomain({
  name: 'domain_${d}',
  title: 'Synthetic domain ${d}',
  description: 'Generated for the benchmark.',
  owner: 'app',
  metrics: {
${lines.join('\n')}
  },
});
`,
    );
  }
}

function metricSource(i: number): string {
  switch (i % 3) {
    case 0:
      return `counter({ name: 'operations_${i}_total', help: 'Operations of kind ${i}.', labels: { status: ['ok', 'failed', 'other'], route: ['/a', '/b', '/c', '/d'] } })`;
    case 1:
      return `histogram({ name: 'operation_${i}_duration_seconds', help: 'Duration of kind ${i}.', unit: 'seconds', labels: { queue: ['a', 'b'] }, buckets: exponentialBuckets(0.001, 2, 10) })`;
    default:
      return `gauge({ name: 'items_${i}', help: 'Items of kind ${i}.', labels: { shard: bounded(8, 'shards') } })`;
  }
}
