/**
 * Coverage of what is read: an alert, recording rule or panel reading a metric no scrape job
 * collects where the rules run, and the reasons that excuse it. Each case through the real CLI
 * (test/helpers/invalid.ts).
 */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/coverage.ts';

invalidDefinitionSuite('metrics read but not scraped', CASES);
