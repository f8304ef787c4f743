import { describe, expect, it } from 'vitest';
import { promql, recordingRule, evaluates } from '../../generator/index.ts';
import { ruleFilesStage } from '../../generator/render/rules.ts';
import { findTool } from '../../generator/tools.ts';
import { PROMTOOL_RULE, promtoolRuleProblems } from '../../generator/validate/promtool.ts';
import { REPO } from '../helpers/project.ts';
import { rulesModelOf, shop, validAlert } from '../helpers/rules-table.ts';

/** promtool (on the tests' PATH) is the last word on rule files; what it refuses is located at the definition. */
describe('promtool check rules over the rendered rule files', () => {
  const run = (model: ReturnType<typeof rulesModelOf>, promtool: string | undefined = findTool('promtool', REPO)) => promtoolRuleProblems(model, ruleFilesStage.render(model), promtool);

  it('is on the tests PATH', () => expect(findTool('promtool', REPO)).toBeDefined());

  it('passes rule files Prometheus loads', async () => expect(await run(rulesModelOf([validAlert()]))).toEqual([]));

  it('locates a refused expression at its alert', async () => {
    const problems = await run(rulesModelOf([validAlert({ expr: promql`rate(${shop.metrics.orders}) > 1` })]));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'alerts/shop.ts', definition: 'alert BasketsPiling', check: PROMTOOL_RULE, message: expect.stringContaining('expected type range vector in call to function "rate"') }),
    ]);
  });

  it('locates a refused expression at its recording rule', async () => {
    const rule = recordingRule({ record: 'job:orders:rate5m', expr: promql`sum by (job) (rate(${shop.metrics.orders}))`, tests: [evaluates('t', { at: '1m', series: [], samples: [] })] });
    const problems = await run(rulesModelOf([validAlert()], [rule]));
    expect(problems.map((p) => p.definition)).toEqual(['recording rule job:orders:rate5m']);
  });

  it('is skipped without promtool: the checks are the guard', async () => {
    const model = rulesModelOf([validAlert({ expr: promql`rate(${shop.metrics.orders}) > 1` })]);
    expect(await promtoolRuleProblems(model, ruleFilesStage.render(model), undefined)).toEqual([]);
  });
});
