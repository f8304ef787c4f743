/**
 * The invalid-definition suite for dashboard definitions: variables referred to but never defined or
 * defined twice, sizes off the grid, panels and rows that show nothing, quiet panels naming no
 * fault switch, and text a reader cannot see. Each goes through the real CLI (test/helpers/invalid.ts).
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/dashboards.ts';

invalidDefinitionSuite('invalid dashboard definitions', CASES);
