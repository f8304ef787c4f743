/** The e2e profile is the only difference from the shipped rules: `for` and range windows, nothing else. */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../generator/pipeline.ts';
import { applyProfile, E2E_PROFILE } from '../generator/render/profile.ts';
import { REPO } from './helpers/project.ts';

const WINDOW = /\[\d+[smhdwy](?:\d+[smhdwy])*(?::\d+[smhdwy]*)?\]/g;

describe('the e2e rule profile', async () => {
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error('invalid reference project');
  const shipped = result.model.rules;
  const profiled = applyProfile(shipped, E2E_PROFILE);

  it('divides every for and every range window', () => {
    const http = profiled.find((file) => file.name === 'http')!;
    expect(http.alerts.find((a) => a.name === 'HttpErrorRatioHigh')!.for).toBe('10s');
    expect(http.recording.find((r) => r.written === 'job:http_requests:rate5m')!.expr).toContain('[20s]');
  });

  it('changes nothing else: names, thresholds, labels, annotations, tests', () => {
    const normalise = (files: typeof shipped) =>
      JSON.stringify(files.map((file) => ({ ...file, recording: file.recording.map((r) => ({ ...r, expr: r.expr.replace(WINDOW, '[w]') })), alerts: file.alerts.map((a) => ({ ...a, for: 'f', expr: a.expr.replace(WINDOW, '[w]') })) })));
    expect(normalise(profiled)).toBe(normalise(shipped));
    expect(JSON.stringify(profiled)).not.toBe(JSON.stringify(shipped));
  });
});
