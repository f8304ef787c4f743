/**
 * The packs the package ships, by name, for what lists or offers them (`sextant init --packs`).
 * One line per pack, sorted by name: its import path is `sextant/packs/<name>`, and its default
 * export, named `camelName(name)`, takes the pack's options.
 */
export interface PackEntry {
  /** snake_case, the folder under generator/packs/ and the pack's `name`. */
  readonly name: string;
  /** What the pack monitors, one line. */
  readonly summary: string;
}

export const PACKS: readonly PackEntry[] = [
  { name: 'node', summary: 'hosts through node_exporter 1.9: CPU, memory, load, file systems, disks, network, clock' },
];

/** The identifier a project imports a pack's function as: `node`, `postgres`, `kube_state` → `kubeState`. */
export function camelName(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
