/** Cycles in a graph given as edges by node name: recording rules reading each other, alerts superseding each other. */

/** The shortest chain of edges from a node back to itself, both ends included; undefined when there is none. */
export function shortestPathBack(start: string, edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of edges.get(current) ?? []) {
      if (next === start) {
        const path: string[] = [];
        for (let at = current; ; at = cameFrom.get(at)!) {
          path.unshift(at);
          if (at === start) break;
        }
        return [...path, start];
      }
      if (!cameFrom.has(next) && next !== start) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}
