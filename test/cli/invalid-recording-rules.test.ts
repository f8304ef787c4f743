/** A recording rule nothing reads, or whose reason for existing is no reason, through the real CLI. */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/recording-rules.ts';

invalidDefinitionSuite('recording rules nothing reads', CASES);
