import { counter, defineDomain, gauge } from 'sextant';
import { SERVICES } from './shared/labels.ts';

export default defineDomain({
  name: 'service',
  title: 'Service lifecycle',
  description: "State, restarts and uptime of the system's services, recorded at each lifecycle transition.",
  owner: 'app',
  metrics: {
    state: gauge({
      name: 'service_state',
      help: 'A state set: 1 for the state the service is in, 0 for the others.',
      labels: { service: SERVICES, state: ['active', 'inactive', 'failed'] },
      replaces: ['taskflows_service_state'],
    }),
    restarts: counter({
      name: 'service_restarts_total',
      // Not kube_pod_container_status_restarts_total's successor: that is the kubelet's count, crashes included, in Kubernetes only.
      help: "Service restarts, by reason, as each service records them (every deployment); the kubelet's count is kube_pod_container_status_restarts_total.",
      labels: { service: SERVICES, reason: ['manual', 'failure', 'dependency', 'deploy'] },
      replaces: ['taskflows_service_restarts_total'],
    }),
    uptime: gauge({
      name: 'service_uptime_seconds',
      help: 'Seconds since the service last became active.',
      unit: 'seconds',
      labels: { service: SERVICES },
    }),
  },
});
