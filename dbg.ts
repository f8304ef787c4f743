import { E2E_PROFILE } from './generator/render/profile.ts';
import { verifyPrometheus, verifyTarget } from './generator/verify/index.ts';
import { startStack } from './stack/stack.ts';
const stack = await startStack({ ports: { api: 38080, worker: 38081, nodeExporter: 39100, prometheus: 39090, alertmanager: 39093 }, profile: E2E_PROFILE, interval: '1s', alertGrouping: '1s', webhookUrl: 'http://127.0.0.1:39999', exporter: { load: 30, workerLoad: 40, tickMs: 250 } });
await new Promise((r) => setTimeout(r, 15000));
const io = { out: (l: string) => console.log(l), err: (l: string) => console.log(l) };
for (const url of [stack.urls.api, stack.urls.worker, stack.urls.nodeExporter, stack.urls.prometheus, stack.urls.alertmanager]) await verifyTarget(stack.model, url, io);
await verifyPrometheus(stack.model, stack.urls.prometheus, io);
const q = async (e: string) => ((await (await fetch(`${stack.urls.prometheus}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: e }) })).json()) as any).data.result;
const put = (role: 'api'|'worker', f: object) => fetch(`${stack.urls[role]}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(f) });
await put('api', { errors: 0.5, latency: 1, circuit_open: 1, cache_misses: 1, slow_database: 0.3, bad_labels: 1 });
await put('worker', { stall_workers: 1, circuit_open: 1, cache_misses: 1, slow_database: 0.3 });
for (let i = 0; i < 9; i++) {
  await new Promise((r) => setTimeout(r, 10000));
  const alerts = await q('ALERTS');
  console.log(`t+${(i + 1) * 10}s`, [...new Set(alerts.map((a: any) => `${a.metric.alertname}:${a.metric.alertstate}`))].sort().join(' '));
}
console.log('cache ratio', JSON.stringify(await q('job_cache:taskforge_cache_gets_hit:ratio_rate5m')));
console.log('queue', JSON.stringify(await q('taskforge_queue_length')));
console.log('db p95', JSON.stringify(await q('job_query_type:taskforge_database_query_duration_seconds:p95')));
await stack.stop();
