/** The e2e profile is the only difference from the shipped rules: `for` and range windows, nothing else. */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../generator/pipeline.ts';
import { applyProfile, E2E_PROFILE } from '../generator/render/profile.ts';
import { FIXTURE_PROJECT } from './helpers/project.ts';

const WINDOW = /\[\d+[smhdwy](?:\d+[smhdwy])*(?::\d+[smhdwy]*)?\]/g;

describe('the e2e rule profile', async () => {
  const result = await runPipeline(FIXTURE_PROJECT);
  if (!result.ok) throw new Error('invalid fixture project');
  const shipped = result.model.rules;
  const profiled = applyProfile(shipped, E2E_PROFILE);

  it('divides every for and every range window', () => {
    const checkout = profiled.find((file) => file.name === 'checkout')!;
    expect(checkout.alerts.find((a) => a.name === 'OrdersDeclined')!.for).toBe('10s');
    expect(checkout.recording.find((r) => r.written === 'job:orders_declined:ratio_rate5m')!.expr).toContain('[20s]');
    expect(checkout.recording.find((r) => r.written === 'job:orders_declined:ratio_rate5m')!.expr).not.toContain('[5m]');
  });

  it('changes nothing else: names, thresholds, labels, annotations, tests', () => {
    const normalise = (files: typeof shipped) =>
      JSON.stringify(files.map((file) => ({ ...file, recording: file.recording.map((r) => ({ ...r, expr: r.expr.replace(WINDOW, '[w]') })), alerts: file.alerts.map((a) => ({ ...a, for: 'f', expr: a.expr.replace(WINDOW, '[w]') })) })));
    expect(normalise(profiled)).toBe(normalise(shipped));
    expect(JSON.stringify(profiled)).not.toBe(JSON.stringify(shipped));
  });
});
