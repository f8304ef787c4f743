import { describe, expect, it } from 'vitest';
import { definePack, gauge, type PackDef } from '../../generator/index.ts';
import { environmentsCheck } from '../../generator/validate/checks/environments.ts';
import { checkTable, modelOf } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };
const thresholds = { errorRatio: 0.05, latencySeconds: 0.5 };
const withEnvironments = (environments: Record<string, unknown>) => ({ alerts: { thresholds }, environments: environments as never });
/** A pack as data, its one rule file reading its threshold ratio (not spare) and naming its escalation; `configure` makes it again. */
function widgetPack(options: { thresholds?: { ratio?: number; spare?: number }; escalation?: string; job?: string } = {}): PackDef {
  const { ratio } = { ratio: 0.5, ...options.thresholds };
  const rule = { kind: 'rules', name: 'widget', expr: `x > ${ratio}`, escalation: options.escalation ?? 'the team' } as never;
  return definePack({ name: 'widget', configure: widgetPack, program: 'widget', versions: '1', domains: [], rules: [rule], dashboards: [], scrape: [{ name: 'widget' } as never] }, options, { ratio: 0.5, spare: 1 });
}
const widget = (ratio: number, escalation?: string, others: object = {}) => widgetPack({ thresholds: { ratio }, ...(escalation === undefined ? {} : { escalation }), ...others });
const withPacks = (environments: Record<string, unknown>) => ({ packs: [widget(0.5)], environments: environments as never });

checkTable(environmentsCheck, [
  { name: 'staging and production with their own Alertmanager pass', metrics, config: withEnvironments({ staging: {}, production: { alertmanager: 'am.prod:9093' } }), expect: [] },
  {
    name: 'an override of a threshold no rule file reads is refused: the environment would alert as the default does',
    metrics,
    config: withEnvironments({ staging: { thresholds: { errorRatio: 0.2 } } }),
    expect: ["environments.staging.thresholds.errorRatio: overrides threshold 'errorRatio', which no rule file reads, so staging would alert exactly as the default does"],
  },
  { name: 'an environment named edges is refused: it would name a rule file\'s edge cases', metrics, config: withEnvironments({ edges: {} }), expect: ['environments.edges: edges is reserved'] },
  { name: 'packs that are not a list are refused', metrics, config: withPacks({ production: { packs: widget(0.9) } }), expect: ['environments.production.packs: must be a list of packs the config lists'] },
  { name: 'a pack the config does not list is refused, with the nearest name', metrics, config: withPacks({ production: { packs: [{ ...widget(0.9), name: 'widgets' }] } }), expect: ["environments.production.packs[0]: pack 'widgets' is not in the config's packs: did you mean 'widget'?"] },
  { name: 'a pack whose options change none of its rules is refused', metrics, config: withPacks({ production: { packs: [widget(0.5)] } }), expect: ["environments.production.packs[0]: pack 'widget' changes none of its rules in production"] },
  { name: 'a pack whose escalation differs passes: its runbooks change', metrics, config: withPacks({ production: { packs: [widgetPack({ escalation: 'The on-call DBA' })] } }), expect: [] },
  {
    name: "a pack repeating the config's job is checked like any other: here it changes nothing",
    metrics,
    config: { packs: [widget(0.5, undefined, { job: 'w' })], environments: { production: { packs: [widget(0.5, undefined, { job: 'w' })] } } as never },
    expect: ["environments.production.packs[0]: pack 'widget' changes none of its rules in production"],
  },
  { name: 'a pack with a misspelt or per-config option is left to config-keys', metrics, config: withPacks({ production: { packs: [widget(0.5, undefined, { job: 'w' })] } }), expect: [] },
  {
    name: 'a hand-made pack that cannot be made again is refused where the config gives it other options',
    metrics,
    config: { packs: [{ ...widget(0.5, undefined, { job: 'w' }), configure: undefined }], environments: { production: { packs: [widget(0.9)] } } as never },
    expect: ["environments.production.packs[0]: pack 'widget' cannot be made again with production's options: its definePack() names no configure function, so production's rules would lose the config's thresholds, job"],
  },
  {
    name: "a hand-made pack that cannot be made again is refused where the config gives it thresholds: the environment's would not go over them",
    metrics,
    config: { packs: [{ ...widget(0.5), configure: undefined }], environments: { production: { packs: [widgetPack({ thresholds: { spare: 3 } })] } } as never },
    expect: ["environments.production.packs[0]: pack 'widget' cannot be made again with production's options: its definePack() names no configure function, so production's rules would lose the config's thresholds"],
  },
  { name: 'a hand-made pack the config gives no options passes: the environment\'s is the config\'s with its own', metrics, config: { packs: [{ ...widgetPack(), configure: undefined }], environments: { production: { packs: [widget(0.9)] } } as never }, expect: [] },
  {
    name: "an environment's pack starts from the config's options: listed again with nothing of its own, it changes nothing",
    metrics,
    config: { packs: [widget(0.9)], environments: { production: { packs: [widgetPack()] } } as never },
    expect: ["environments.production.packs[0]: pack 'widget' changes none of its rules in production"],
  },
  {
    name: 'a threshold of a pack that changes none of its rules is refused, beside one that does',
    metrics,
    config: withPacks({ production: { packs: [widgetPack({ thresholds: { ratio: 0.9, spare: 2 } })] } }),
    expect: ["environments.production.packs[0].thresholds.spare: threshold 'spare' changes none of the widget pack's rules in production: no rule reads it, or the config's pack has that value already; remove it"],
  },
  {
    name: "a pack's escalation that is the config's already is refused",
    metrics,
    config: { packs: [widget(0.5, 'The DBA')], environments: { production: { packs: [widget(0.9, 'The DBA')] } } as never },
    expect: ["environments.production.packs[0].escalation: its escalation changes none of the widget pack's rules in production"],
  },
  { name: 'a pack listed twice is refused', metrics, config: withPacks({ production: { packs: [widget(0.9), widget(0.8)] } }), expect: ["environments.production.packs[1]: pack 'widget' is listed twice in production"] },
  { name: 'a pack uncalled is refused', metrics, config: withPacks({ production: { packs: [() => widget(0.9)] } }), expect: ['environments.production.packs[0]: is not a pack: call it'] },
  { name: 'kubernetes.environment naming an undeclared environment is refused, with the nearest name', metrics, config: { ...withEnvironments({ production: {} }), kubernetes: { environment: 'prod' } }, expect: ["kubernetes.environment: 'prod' is not a declared environment (declared: production)"] },
  { name: 'kubernetes.environment misspelt is refused, with the nearest name', metrics, config: { ...withEnvironments({ production: {} }), kubernetes: { environment: 'productoin' } }, expect: ["kubernetes.environment: 'productoin' is not a declared environment: did you mean 'production'?"] },
  { name: 'kubernetes.environment naming a declared environment passes', metrics, config: { ...withEnvironments({ production: {} }), kubernetes: { environment: 'production' } }, expect: [] },
  { name: 'a pack with other thresholds passes', metrics, config: withPacks({ production: { packs: [widget(0.9)] } }), expect: [] },
  { name: 'no environment at all passes', metrics, config: {}, expect: [] },
  { name: 'an override of a threshold alerts.thresholds lacks is refused, with the nearest name', metrics, config: withEnvironments({ staging: { thresholds: { errorRatoi: 0.2 } } }), expect: ["environments.staging.thresholds.errorRatoi: overrides threshold 'errorRatoi', which alerts.thresholds does not define: did you mean 'errorRatio'?"] },
  { name: 'an override that is not a number is refused', metrics, config: withEnvironments({ staging: { thresholds: { errorRatio: '0.2' } } }), expect: ['environments.staging.thresholds.errorRatio: must be a finite number, got 0.2'] },
  { name: 'a blank environment name is refused', metrics, config: withEnvironments({ ' ': {} }), expect: ["environments[' ']: an environment name is blank"] },
  { name: 'an empty environment name is refused', metrics, config: withEnvironments({ '': {} }), expect: ["environments['']: an environment name is blank"] },
  { name: 'a name that cannot name a file is refused', metrics, config: withEnvironments({ 'Prod EU': {} }), expect: ["environments['Prod EU']: environment name 'Prod EU' must be lowercase letters, digits, - and _"] },
  { name: 'a built-in environment declared again is refused', metrics, config: withEnvironments({ kubernetes: {} }), expect: ['environments.kubernetes: kubernetes is built in'] },
  { name: 'a misspelt key of an environment is refused', metrics, config: withEnvironments({ staging: { threshold: { errorRatio: 0.2 } } }), expect: ["environments.staging: unknown key 'threshold'"] },
  { name: 'an Alertmanager that is not host:port is refused', metrics, config: withEnvironments({ production: { alertmanager: 'http://am.prod:9093' } }), expect: ["environments.production.alertmanager: 'http://am.prod:9093' is not host:port"] },
  { name: 'an environment that is not an object is refused', metrics, config: withEnvironments({ staging: true }), expect: ['environments.staging: must be an object'] },
]);

describe("check environments, with the pack's scrape job", () => {
  const job = (targets: object, runsIn: readonly string[]) => ({ name: 'widget', targets, runsIn }) as never;
  const model = (scrapeJobs: never[], kubernetes = {}) => ({ ...modelOf(metrics, 'app', { ...withPacks({ production: { packs: [widget(0.9)] } }), kubernetes }), scrapeJobs });
  const messages = (problems: readonly { definition: string; message: string }[]) => problems.map((problem) => `${problem.definition}: ${problem.message}`);
  it('refuses a pack whose job has no targets in the environment: its rules would never fire there', () => {
    expect(messages(environmentsCheck.run(model([job({ compose: ['w:1'] }, ['compose'])])))).toEqual([
      "environments.production.packs[0]: pack 'widget' has no targets in production: its scrape job widget lists none under targets.production, so its rules would never fire there; give the config's widget() pack targets: { production: ['host:port'] }, or remove it from production",
    ]);
  });
  it('passes a pack whose job has targets there, or runs in Kubernetes when the cluster is that environment', () => {
    expect(environmentsCheck.run(model([job({ production: ['w:1'] }, ['production'])]))).toEqual([]);
    expect(environmentsCheck.run(model([job({}, ['kubernetes'])], { environment: 'production' }))).toEqual([]);
  });
});

describe('check environments, with the thresholds the rules read', () => {
  const model = (read: readonly string[]) => ({
    ...modelOf(metrics, 'app', withEnvironments({ production: { thresholds: { errorRatio: 0.2, latencySeconds: 1 } } })),
    environments: [{ name: 'production', rules: [], thresholdsRead: read }],
  });
  it('passes overrides of thresholds the rules read', () => {
    expect(environmentsCheck.run(model(['errorRatio', 'latencySeconds']))).toEqual([]);
  });
  it('refuses the override no rule reads, naming the nearest one read', () => {
    expect(environmentsCheck.run(model(['errorRatio'])).map((problem) => `${problem.definition}: ${problem.message}`)).toEqual([
      "environments.production.thresholds.latencySeconds: overrides threshold 'latencySeconds', which no rule file reads, so production would alert exactly as the default does: override a threshold an alert reads (config.alerts.thresholds.<name> in alerts/), or remove the override",
    ]);
  });
});
