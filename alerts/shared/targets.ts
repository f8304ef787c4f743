/** Target labels the promtool tests give their input series, as Prometheus would attach them. */
export const API = { job: 'api', instance: 'api:9464' } as const;
export const WORKER = { job: 'worker', instance: 'worker:9464' } as const;
export const NODE = { job: 'node-exporter', instance: 'host-1:9100' } as const;
/** kube-state-metrics and the kubelet's cAdvisor, as pod-discovered targets in a cluster. */
export const KUBE_STATE_METRICS = { job: 'kube-state-metrics', instance: '10.0.3.7:8080' } as const;
export const KUBELET = { job: 'kubelet', instance: 'node-1' } as const;
/** The application's own jobs: process_* metrics carry the same names in Prometheus and every exporter. */
export const APP_JOBS = `${API.job}|${WORKER.job}`;
