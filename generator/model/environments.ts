/**
 * Per-environment thresholds. Definitions read their thresholds when they run (`config.alerts.thresholds`
 * imported from sextant.config.ts), so an environment that overrides some gets its own evaluation of
 * the rule files: they are bundled again with every import of sextant.config.ts answered by a small
 * module that returns the project's config with the environment's thresholds merged in, and that
 * records which thresholds the rules read. The packs it lists again replace the config's packs of
 * the same name in its rules, made from the config's options with its thresholds and escalation.
 * What comes out is a set of rule sources per environment, built and checked like the default ones;
 * the renderers write a file of its own only where the environment's differs (render/rules.ts).
 */
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';
import type { EnvironmentConfig, SextantConfig } from '../config.ts';
import { type PackDef, packInEnvironment } from '../dsl/packs.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';
import { importBundled } from './bundle.ts';
import { packSources } from './packs.ts';

/** An environment whose rules differ from the default ones, as loaded. */
export interface LoadedEnvironment {
  readonly name: string;
  /** Its rule files: the packs' (with its options) then the project's, in the default order. */
  readonly rules: DefinitionSource[];
  /** The names of alerts.thresholds its rule files read while they ran. */
  readonly thresholdsRead: ReadonlySet<string>;
  /** Rule files (absolute paths) that did not run with its values → why. */
  readonly failures: ReadonlyMap<string, unknown>;
}

/** The declared environments that override thresholds or packs, in the config's order. */
export function overridingEnvironments(config: SextantConfig): [string, EnvironmentConfig][] {
  const environments: unknown = config.environments;
  if (typeof environments !== 'object' || environments === null) return [];
  return Object.entries(environments as Record<string, unknown>).filter((entry): entry is [string, EnvironmentConfig] => {
    const settings = entry[1] as EnvironmentConfig | null;
    if (typeof settings !== 'object' || settings === null) return false;
    const { thresholds, packs } = settings;
    return (typeof thresholds === 'object' && thresholds !== null && Object.keys(thresholds).length > 0) || (Array.isArray(packs) && packs.length > 0);
  });
}

/**
 * The config's packs as an environment lists them: each of its packs replaces the config's pack of
 * the same name, made again from the config's options with the environment's thresholds and
 * escalation (`packInEnvironment()`); a name the config does not list, or another option, is the
 * `environments` and `config-keys` checks' to refuse.
 */
export function environmentPacks(config: SextantConfig, settings: EnvironmentConfig): readonly PackDef[] {
  const own = Array.isArray(settings.packs) ? settings.packs : [];
  const base: readonly unknown[] = Array.isArray(config.packs) ? config.packs : [];
  return base.map((pack) => {
    const other = own.find((candidate) => named(candidate) !== undefined && named(candidate) === named(pack));
    return other === undefined ? pack : packInEnvironment(pack as PackDef, other);
  }) as PackDef[];
}

const named = (pack: unknown): unknown => (typeof pack === 'object' && pack !== null ? (pack as { name?: unknown }).name : undefined);

/**
 * Each overriding environment's rule sources. `configPath` is sextant.config.ts (absolute), `ruleFiles`
 * the project's rule files (absolute, in load order).
 */
export async function loadEnvironments(root: string, config: SextantConfig, configPath: string, ruleFiles: readonly string[], relativePath: (path: string) => string): Promise<LoadedEnvironment[]> {
  const loaded: LoadedEnvironment[] = [];
  for (const [name, settings] of overridingEnvironments(config)) {
    const bundled = await importBundled(root, [configPath, ...ruleFiles], [environmentConfig(configPath, name)]);
    const wrapper = bundled.modules.get(configPath) as { thresholdsRead?: Set<string> } | undefined;
    const packs = packSources({ ...config, packs: environmentPacks(config, settings) }, [] as Problem[]);
    const own = ruleFiles.flatMap((path) => {
      const module = bundled.modules.get(path);
      return module === undefined ? [] : [{ file: relativePath(path), value: module.default }];
    });
    loaded.push({ name, rules: [...packs.rules, ...own], thresholdsRead: wrapper?.thresholdsRead ?? new Set(), failures: bundled.failures });
  }
  return loaded;
}

const NAMESPACE = 'sextant-environment';

/**
 * An esbuild plugin answering every import of sextant.config.ts (and the entry itself) with a module
 * that imports the real one and exports it with the environment's thresholds merged over
 * alerts.thresholds, behind a proxy that records each threshold read (`thresholdsRead`). Plain
 * JavaScript: it runs inside the definitions' bundle, which has no copy of the engine to call.
 */
function environmentConfig(configPath: string, environment: string): Plugin {
  const SELF = Symbol('own resolution');
  return {
    name: 'sextant-environment-config',
    setup(build) {
      build.onResolve({ filter: /sextant\.config(\.[cm]?[jt]s)?$/ }, async (args) => {
        // The wrapper's own import, and the resolution below, reach the real file.
        if (args.namespace === NAMESPACE || args.pluginData === SELF) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: SELF });
        return resolved.path === configPath ? { path: configPath, namespace: NAMESPACE } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: wrapperSource(configPath, environment), loader: 'js', resolveDir: dirname(configPath) }));
    },
  };
}

function wrapperSource(configPath: string, environment: string): string {
  return `import base from ${JSON.stringify(configPath)};
export const thresholdsRead = new Set();
const overrides = base?.environments?.[${JSON.stringify(environment)}]?.thresholds ?? {};
const thresholds = new Proxy({ ...base?.alerts?.thresholds, ...overrides }, {
  get(target, key, receiver) {
    if (typeof key === 'string') thresholdsRead.add(key);
    return Reflect.get(target, key, receiver);
  },
});
export default { ...base, alerts: { ...base?.alerts, thresholds } };
`;
}
