/**
 * Coverage of what is read: an alert, recording rule or panel reading a metric no scrape job
 * collects where the rules run, and the reasons that excuse it. Each case through the real CLI
 * (test/helpers/invalid.ts).
 */
import { dashboardCase, metric, recording, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

/** A scrape job `scrape/<name>.ts` exposing `exposes`, with `fields` spread into it. */
export const job = (name: string, fields = '', exposes = '[]') => ({
  [`scrape/${name}.ts`]: `import { defineScrapeJob } from 'sextant';
import base from '../catalog/base.ts';
export default defineScrapeJob({ name: '${name}', targets: { compose: ['${name}:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 100, reason: 'small' }, exposes: ${exposes}, ${fields} });
`,
});
/** A job for something else, so the project scrapes compose, hosts and Kubernetes. */
export const other = job('other');
export const base = 'catalog/base.ts: base';

export const CASES: InvalidCase[] = [
  {
    name: 'an alert on a metric no job scrapes',
    files: { ...rulesFile(''), ...other },
    where: base,
    rule: 'scrape-coverage',
    message: 'no scrape job exposes base in compose, hosts, kubernetes, yet alert RequestsHigh reads app_requests_total: the rules run there and would find nothing',
  },
  {
    name: 'an alert on a recording rule over a metric no job scrapes',
    files: { ...rulesFile('expr: promql`job:app_requests:rate5m > 1`', { recording: recording('job:requests:rate5m') }), ...other },
    where: base,
    rule: 'scrape-coverage',
    message: 'yet recording rule job:requests:rate5m, alert RequestsHigh read app_requests_total',
  },
  {
    name: 'a panel on a metric scraped everywhere but in Kubernetes',
    files: { ...dashboardCase(''), ...job('shop', "runsIn: ['compose', 'hosts']", '[base]'), ...other },
    where: base,
    rule: 'scrape-coverage',
    message: "no scrape job exposes base in kubernetes, yet dashboard case reads app_requests_total, app_request_duration_seconds: the rules run there and would find nothing. Fix: add kubernetes to the runsIn of a job exposing it, say why it is not there with notIn: { kubernetes: 'why' }",
  },
  {
    name: 'a job saying why it is not in Kubernetes with a blank reason',
    files: { ...rulesFile(''), ...job('shop', "runsIn: ['compose', 'hosts'], notIn: { kubernetes: ' ' }", '[base]'), ...other },
    where: 'scrape/shop.ts: scrape job shop',
    rule: 'scrape-coverage',
    message: 'notIn.kubernetes needs a reason with visible characters',
  },
  {
    name: 'a job saying why it is not where it runs',
    files: { ...rulesFile(''), ...job('shop', "notIn: { compose: 'no shop in compose' }", '[base]') },
    where: 'scrape/shop.ts: scrape job shop',
    rule: 'scrape-coverage',
    message: 'notIn.compose says why the job does not run in compose, but its runsIn lists compose: drop one of them',
  },
  {
    name: 'a misspelt deployment in notIn',
    files: { ...rulesFile(''), ...job('shop', "runsIn: ['compose', 'hosts'], notIn: { kubernetess: 'no cluster' } as never", '[base]'), ...other },
    where: 'scrape/shop.ts: scrape job shop',
    rule: 'definition-shape',
    message: "notIn.kubernetess names no environment (known: compose, hosts, kubernetes): did you mean 'kubernetes'?",
  },
  {
    name: 'a domain scraped elsewhere, without saying where',
    files: { 'catalog/case.ts': metric("depth: gauge({ name: 'depth', help: 'Items waiting.' }),")['catalog/case.ts']!.replace('owner: ', "scrapedElsewhere: '', owner: "), ...other },
    where: 'catalog/case.ts: case',
    rule: 'scrape-coverage',
    message: 'scrapedElsewhere needs a reason with visible characters',
  },
];
