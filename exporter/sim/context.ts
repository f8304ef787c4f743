/** What every part of the simulation shares: config, instruments, the fault switches, its timers. */
import type { ExporterConfig } from '../config.ts';
import type { FaultState } from '../faults.ts';
import type { AppInstruments } from '../instruments/index.ts';

export class SimulationContext {
  faults: FaultState;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly config: ExporterConfig,
    readonly metrics: AppInstruments,
  ) {
    this.faults = { ...config.faults };
  }

  /** Runs `task` every `ms`; errors are logged, never fatal to the process. */
  every(ms: number, task: () => void | Promise<void>): void {
    const timer = setInterval(() => {
      Promise.resolve()
        .then(task)
        .catch((error: unknown) => console.error(`simulation task failed: ${String(error)}`));
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
  }
}

export const sleep = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000)));

/** A value from `choices`, weighted. */
export function pick<T extends string>(choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = Math.random() * total;
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll <= 0) return choice;
  }
  return choices[choices.length - 1]![0];
}

/** A duration around `median` seconds, with a long tail as real latencies have. */
export function latency(median: number): number {
  return median * Math.exp((Math.random() - 0.5) * 1.2) * (Math.random() < 0.05 ? 3 : 1);
}
