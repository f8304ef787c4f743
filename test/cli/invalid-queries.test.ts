/**
 * Invalid queries: PromQL that parses and names catalogue metrics, but means nothing or the wrong
 * thing (a gauge under rate(), φ = 95, a label value the catalogue never declares, a level naming
 * a label the rule drops, a rule feeding on itself, a window shorter than its job's scrapes). Each
 * runs through the real CLI (test/helpers/invalid.ts).
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/queries.ts';

invalidDefinitionSuite('invalid queries', CASES);
