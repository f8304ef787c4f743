/**
 * At most `size` tasks at a time: the external programs of `check` (tsc, one promtool per test
 * file, amtool, docker-compose) share the machine's cores instead of all starting at once.
 */
export type Pool = <T>(task: () => Promise<T>) => Promise<T>;

export function createPool(size: number): Pool {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  // A finished task hands its slot straight to the next waiting one, so the count never overshoots.
  const acquire = () => (free > 0 ? (free -= 1, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return async (task) => {
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  };
}
