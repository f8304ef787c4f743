/**
 * Invalid alert definitions through the real CLI: templates Prometheus refuses, tests that cannot
 * prove what they claim, vacuous thresholds, alerts without a condition, static labels that merge
 * series, and what only promtool itself sees.
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/rules.ts';

invalidDefinitionSuite('invalid alert definitions', CASES);
