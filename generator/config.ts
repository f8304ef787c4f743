/**
 * The one config object. Definitions and stages read every tunable from here, never from constants
 * of their own, so users override behaviour in `sextant.config.ts` without touching the engine.
 */
export interface SextantConfig {
  /** Prefix of every application metric: `<namespace>_http_requests_total`. */
  readonly namespace: string;
  readonly limits: {
    /** Worst-case series one metric may create (label value product, times buckets). */
    readonly seriesPerMetric: number;
    /** Worst-case series of the whole catalogue. */
    readonly seriesTotal: number;
    /** Largest bound a `bounded()` label may declare. */
    readonly maxLabelBound: number;
  };
}

export type SextantConfigInput = {
  namespace?: string;
  limits?: Partial<SextantConfig['limits']>;
};

export const DEFAULT_CONFIG: SextantConfig = {
  namespace: 'app',
  limits: { seriesPerMetric: 2_000, seriesTotal: 50_000, maxLabelBound: 256 },
};

/** Fills in defaults; validation of the values happens with the rest of the model. */
export function defineConfig(input: SextantConfigInput = {}): SextantConfig {
  return {
    namespace: input.namespace ?? DEFAULT_CONFIG.namespace,
    limits: { ...DEFAULT_CONFIG.limits, ...input.limits },
  };
}
