import { bounded, defineDomain, gauge, upstream } from 'sextant';
import { VERSIONS } from '../versions.ts';

export default defineDomain({
  name: 'alert_series',
  title: 'Alert state (written by Prometheus)',
  description:
    'The series Prometheus writes for every pending or firing alert; the firing-alerts panels read them. Besides these ' +
    'labels, each series carries the labels of its alert (job, instance, queue…), which vary from alert to alert.',
  owner: upstream('prometheus', VERSIONS.prometheus, 'the ALERTS series of Prometheus alerting rules (prometheus.io/docs, "Inspecting alerts during runtime")', {
    synthetic: true,
  }),
  metrics: {
    alerts: gauge({
      name: 'ALERTS',
      help: '1 for every alert that is pending or firing, labelled with the alert name, its state and its labels.',
      labels: {
        alertname: bounded(128, 'one per alerting rule'),
        alertstate: ['pending', 'firing'],
        severity: ['critical', 'warning', 'info'],
      },
    }),
    alertsForState: gauge({
      name: 'ALERTS_FOR_STATE',
      help: 'When each pending or firing alert became active, as a Unix time, so alerts survive a Prometheus restart.',
      unit: 'seconds',
      labels: { alertname: bounded(128, 'one per alerting rule'), severity: ['critical', 'warning', 'info'] },
      notDashboarded: 'internal state of the rule manager',
    }),
  },
});
