/**
 * The versions of the programs the reference system runs, from versions.json: the one place they are
 * pinned (JSON, so `sextant tools --pins versions.json` reads it with plain node). The images
 * are those versions exactly; Debian trixie's packages, fetched for the native stack and the tests,
 * follow point releases, so they must match the minor.
 */
import pins from './versions.json' with { type: 'json' };

interface Pin {
  readonly version: string;
  /** The image's name and the start of its tag; the version completes it. */
  readonly image: string;
  /** Debian packages of the program, each with the binaries it brings. */
  readonly debian?: Readonly<Record<string, readonly string[]>>;
}

const { $comment: _, ...programs } = pins;
export type Program = keyof typeof programs;
const PINS: Readonly<Record<Program, Pin>> = programs;

export const VERSIONS = Object.fromEntries(Object.entries(PINS).map(([program, pin]) => [program, pin.version])) as Readonly<Record<Program, string>>;

/** The container image of a program at its pinned version: `prom/prometheus:v2.53.4`. */
export function imageOf(program: Program): string {
  return `${PINS[program].image}${PINS[program].version}`;
}

/** `2.53.4` → `2.53`. */
export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/** The Debian packages `npm run tools` fetches, each with the binaries it brings and the program whose version it is. */
export const DEBIAN_TOOLS = Object.entries(PINS).flatMap(([program, pin]) =>
  Object.entries(pin.debian ?? {}).map(([name, binaries]) => ({ package: name, binaries, program: program as Program })),
);
