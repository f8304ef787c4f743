/** Dashboards Grafana's dashboard linter would report, refused by the real CLI with the linter's rule named. */
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { CASES } from './cases/dashboard-lint.ts';

invalidDefinitionSuite("dashboards Grafana's dashboard linter would report", CASES);
