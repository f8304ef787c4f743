/**
 * Invalid metric definitions through the real CLI: labels unbounded by their nature (identifiers,
 * addresses, free text, by name or by listed value), text that cannot be read, non-base units.
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/metrics.ts';

invalidDefinitionSuite('invalid metric definitions', CASES);
