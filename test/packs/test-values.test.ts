/** The values packs compute for their tests from a threshold the project may override. */
import { describe, expect, it } from 'vitest';
import { countJustOver } from '../../generator/packs/humanize.ts';

describe('countJustOver', () => {
  const thresholds = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  it.each([100, 1000])('is the fewest of %i whose share is above every threshold from 0.01 to 0.99', (total) => {
    for (const ratio of [...thresholds, 0.295, 0.5749]) {
      const over = countJustOver(ratio, total);
      expect(over / total, `${over} of ${total} over ${ratio}`).toBeGreaterThan(ratio);
      expect((over - 1) / total, `${over - 1} of ${total} not over ${ratio}`).toBeLessThanOrEqual(ratio);
    }
  });
});
