/**
 * The instrumenting guide's example service, run for real: started on a free 127.0.0.1 port, sent
 * requests, scraped, and its /metrics compared with its catalogue as `sextant verify` compares a
 * target. The guide shows the example's files exactly as they are here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExposition, type Family } from '../generator/exposition/parse.ts';
import { buildModel } from '../generator/model/build.ts';
import { driftOf } from '../generator/verify/drift.ts';
import api from './fixtures/instrumenting/catalog/api.ts';
import config from './fixtures/instrumenting/sextant.config.ts';
import { REPO } from './helpers/project.ts';
import { freePort, type Server } from './helpers/servers.ts';
import { startProcess } from '../generator/stack/process.ts';

const EXAMPLE = join(REPO, 'test/fixtures/instrumenting');
const GUIDE = readFileSync(join(REPO, 'docs/instrumenting.md'), 'utf8');

describe('the example service of docs/instrumenting.md', () => {
  let service: Server;
  let families: Map<string, Family>;

  beforeAll(async () => {
    const port = await freePort();
    service = await startProcess({
      name: 'the example service',
      command: process.execPath,
      args: ['--conditions=sextant-source', '--import', 'tsx', join(EXAMPLE, 'service.ts')],
      cwd: EXAMPLE,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port) },
      url: `http://127.0.0.1:${port}`,
      readyPath: '/metrics',
    });
    for (const [method, path] of [['GET', '/balances'], ['POST', '/transfers'], ['PATCH', '/transfers'], ['GET', '/transfers/42']]) {
      await fetch(service.url + path, { method });
    }
    families = parseExposition(await (await fetch(`${service.url}/metrics`)).text());
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('exposes exactly its catalogue: names, types, labels and declared values', () => {
    const { model, problems } = buildModel([{ file: 'catalog/api.ts', value: api }], config);
    expect(problems).toEqual([]);
    expect(driftOf(families, model.domains, model.domains, config.namespace)).toEqual([]);
  });

  it('records declared values as they are', () => {
    const requests = families.get('ledger_http_requests_total')!.samples;
    expect(requests).toContainEqual({ name: 'ledger_http_requests_total', labels: { method: 'POST', route: '/transfers', status_code: '201' }, value: 1 });
  });

  it('folds an undeclared method and path into other, counts them, and logs the values', () => {
    const requests = families.get('ledger_http_requests_total')!.samples;
    expect(requests).toContainEqual({ name: 'ledger_http_requests_total', labels: { method: 'other', route: '/transfers', status_code: '200' }, value: 1 });
    expect(requests).toContainEqual({ name: 'ledger_http_requests_total', labels: { method: 'GET', route: 'other', status_code: '404' }, value: 1 });
    const folded = families.get('ledger_label_values_folded_total')!.samples.map((s) => `${s.labels.metric} ${s.labels.label} ${s.labels.action} ${s.value}`);
    expect(folded.sort()).toEqual([
      'ledger_http_request_duration_seconds route folded 1',
      'ledger_http_requests_total method folded 1',
      'ledger_http_requests_total route folded 1',
    ]);
    expect(service.output()).toContain('ledger_http_requests_total: method="PATCH" is not declared (folded)');
    expect(service.output()).toContain('ledger_http_requests_total: route="/transfers/42" is not declared (folded)');
  });
});

describe('docs/instrumenting.md', () => {
  it.each(['catalog/api.ts', 'service.ts', 'sextant.config.ts'])('shows %s exactly as the tested example has it', (file) => {
    const source = readFileSync(join(EXAMPLE, file), 'utf8').trimEnd();
    expect(GUIDE).toContain('```ts\n' + source + '\n```');
  });
});
