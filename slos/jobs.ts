import { defineSlo, events, ratioSli } from 'sextant';
import jobs from '../catalog/jobs.ts';

const { processed } = jobs.metrics;

export default defineSlo({
  name: 'jobs_success',
  title: 'Job success',
  service: 'worker',
  team: 'platform',
  description: 'Share of finished jobs that succeed (a retried job counts once, when it finally finishes).',
  objective: 0.99,
  sli: ratioSli({ good: events(processed, { result: 'success' }), total: events(processed) }),
  whenExhausted: 'pause new job types and retry-policy changes; fix the failing handlers or dependencies and drain the dead letters first.',
});
