/**
 * Alerts a production team cannot trust, through the real CLI (issue #17): a page on a cause, a
 * runbook without a fix or an escalation, no edge-case scenario, an alert that cannot fire because the
 * system never reaches its threshold, one that goes blind when its series disappear, and one that
 * pages for one replica of many.
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/alert-quality.ts';

invalidDefinitionSuite('alerts a production team cannot trust', CASES);
