import { gauge } from '../../generator/index.ts';
import { configCheck } from '../../generator/validate/checks/config.ts';
import { checkTable } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };

checkTable(configCheck, [
  { name: 'a snake_case namespace and positive limits pass', metrics, config: { namespace: 'task_forge' }, expect: [] },
  { name: 'a namespace with capitals is rejected', metrics, config: { namespace: 'TaskForge' }, expect: ["namespace 'TaskForge' must be lowercase snake_case"] },
  { name: 'a namespace ending in an underscore is rejected', metrics, config: { namespace: 'app_' }, expect: ['must be lowercase snake_case'] },
  { name: 'an empty namespace is rejected', metrics, config: { namespace: '' }, expect: ['must be lowercase snake_case'] },
  { name: 'a negative limit is rejected', metrics, config: { limits: { maxLabelBound: -5 } }, expect: ['limits.maxLabelBound: must be a positive integer, got -5'] },
  { name: 'a scrape interval of 0s is rejected', metrics, config: { prometheus: { scrapeInterval: '0s' } }, expect: ["prometheus.scrapeInterval: '0s' is not a Prometheus duration"] },
  { name: 'a scrape interval under the 10s default timeout passes: the timeout follows it', metrics, config: { prometheus: { scrapeInterval: '5s' } }, expect: [] },
  { name: 'a runbook base URL with a query string passes', metrics, config: { alerts: { runbookBaseUrl: 'https://wiki.example.com/view?page=alerts' } }, expect: [] },
  { name: 'a runbook base URL with a fragment is rejected: the anchor is appended', metrics, config: { alerts: { runbookBaseUrl: 'https://example.com/alerts.md#top' } }, expect: ["alerts.runbookBaseUrl: 'https://example.com/alerts.md#top' has a fragment (#…), and the generator appends #<alert anchor>"] },
  { name: 'a runbook base URL with credentials is rejected', metrics, config: { alerts: { runbookBaseUrl: 'https://me:pw@example.com/alerts.md' } }, expect: ['carries credentials'] },
  { name: 'a webhook URL with credentials is rejected: it would be written in clear', metrics, config: { alertmanager: { pageWebhookUrl: 'https://bot:token@hooks.example.com/page' } }, expect: ["alertmanager.pageWebhookUrl: 'hooks.example.com/page' carries credentials (user:password@), which would be written in clear"] },
  { name: 'a webhook URL with only a user name is rejected too', metrics, config: { alertmanager: { ticketWebhookUrl: 'https://token@hooks.example.com/t' } }, expect: ['carries credentials'] },
  { name: 'a webhook URL with a query string passes', metrics, config: { alertmanager: { ticketWebhookUrl: 'https://hooks.example.com/t?team=a' } }, expect: [] },
  { name: 'a datasource URL with a query string is rejected: Grafana appends API paths', metrics, config: { grafana: { prometheusUrl: 'http://prometheus:9090/?x=1' } }, expect: ["grafana.prometheusUrl: 'http://prometheus:9090/?x=1' has a query string"] },
  { name: 'a datasource URL with an empty fragment is rejected', metrics, config: { grafana: { alertmanagerUrl: 'http://alertmanager:9093/#' } }, expect: ['has a fragment'] },
  { name: 'a datasource URL that is not http is rejected', metrics, config: { grafana: { prometheusUrl: 'prometheus:9090' } }, expect: ["'prometheus:9090' is not an http(s) URL"] },
  { name: 'a datasource URL on port 0 is rejected: nothing listens there', metrics, config: { grafana: { prometheusUrl: 'http://prometheus:0' } }, expect: ["grafana.prometheusUrl: 'http://prometheus:0' has port 0"] },
  { name: 'a webhook URL on port 0 is rejected too', metrics, config: { alertmanager: { pageWebhookUrl: 'http://hooks:0/page' } }, expect: ['has port 0'] },
  { name: 'a webhook URL with a line break is rejected: the parser would hide it', metrics, config: { alertmanager: { pageWebhookUrl: 'https://hooks.example.com/a\nb' } }, expect: ["alertmanager.pageWebhookUrl: 'https://hooks.example.com/a\\nb' holds a space, tab, line break or control character"] },
  { name: 'a runbook base URL with a space is rejected', metrics, config: { alerts: { runbookBaseUrl: 'https://wiki.example.com/my alerts' } }, expect: ['holds a space'] },
  { name: 'a zero limit is rejected', metrics, config: { limits: { seriesTotal: 0 } }, expect: ['limits.seriesTotal: must be a positive integer, got 0'] },
  {
    name: 'a meta receiver on the page endpoint is rejected: the alerts that the page webhook fails would fail with it',
    metrics,
    config: { alertmanager: { pageWebhookUrl: 'https://hooks.example.com/page', metaWebhookUrl: 'https://hooks.example.com/page' } },
    expect: ['alertmanager.metaWebhookUrl: is the same endpoint as alertmanager.pageWebhookUrl'],
  },
  {
    name: 'a dead man\'s switch on the ticket endpoint is rejected: the Watchdog would open a ticket every minute',
    metrics,
    config: { alertmanager: { ticketWebhookUrl: 'https://hooks.example.com/t', deadMansSwitchUrl: 'https://hooks.example.com/t' } },
    expect: ["alertmanager.deadMansSwitchUrl: is the same endpoint as alertmanager.ticketWebhookUrl: the Watchdog would arrive there every minute"],
  },
  { name: 'a dead man\'s switch URL with credentials is rejected like the webhooks', metrics, config: { alertmanager: { deadMansSwitchUrl: 'https://key:x@hc-ping.example.com/uuid' } }, expect: ["alertmanager.deadMansSwitchUrl: 'hc-ping.example.com/uuid' carries credentials"] },
  { name: 'folders of the project\'s choosing pass', metrics, config: { grafana: { folders: ['Payments', 'Platform Team', 'Équipe'] } }, expect: [] },
  { name: 'no folder at all is rejected', metrics, config: { grafana: { folders: [] } }, expect: ['grafana.folders: must list at least one folder name'] },
  { name: 'a blank folder name is rejected', metrics, config: { grafana: { folders: ['Service', '  '] } }, expect: ["grafana.folders: '  ' is blank"] },
  { name: 'a folder name with an invisible character is rejected', metrics, config: { grafana: { folders: ['Ser\u200bvice'] } }, expect: ["grafana.folders: 'Ser\\u{200B}vice' contains U+200B"] },
  { name: 'a folder name of punctuation only is rejected: it names no directory', metrics, config: { grafana: { folders: ['***'] } }, expect: ["'***' has no letter or digit"] },
  { name: 'two folders that make one directory are rejected', metrics, config: { grafana: { folders: ['Team A', 'team-a'] } }, expect: ["grafana.folders: 'team-a' and 'Team A' are one folder (directory grafana/dashboards/team-a)"] },
  { name: 'a folder whose uid passes 40 characters is rejected', metrics, config: { grafana: { folders: ['x'.repeat(40)] } }, expect: ["over Grafana's 40 characters"] },
]);
