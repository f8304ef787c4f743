import { describe, expect, it } from 'vitest';
import { hasTrixiePromtool } from '../stack/tools.ts';
import { ensureTools, missingBinaries } from './helpers/tools.ts';

describe('the tools the tests need', () => {
  it('are all on PATH here (the global setup installed them if they were not)', () => {
    expect(missingBinaries()).toEqual([]);
    expect(hasTrixiePromtool()).toBe(true);
  });

  it('when missing and not installable, fail with the command that installs them', async () => {
    await expect(ensureTools({ path: '/nonexistent', install: false })).rejects.toThrow(
      'apt-get install -y --no-install-recommends prometheus prometheus-alertmanager prometheus-node-exporter docker-compose',
    );
  });
});
