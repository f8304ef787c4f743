/**
 * The invalid-definition suite for declared environments (staging, production beside compose, hosts
 * and Kubernetes): names no file can carry, overrides of thresholds that do not exist, targets under
 * an environment nobody declared, an environment without an Alertmanager. Each goes through the real
 * CLI (test/helpers/invalid.ts).
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/environments.ts';

invalidDefinitionSuite('invalid environments', CASES);
