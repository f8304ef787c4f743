/**
 * The names a new project derives from its service's name, in one place so every template agrees:
 * the namespace, the scrape job, the rule file, the alert's prefix and the titles.
 */
import { NAMESPACE } from '../validate/checks/config.ts';

export interface ProjectNames {
  /** snake_case: the config's namespace, the scrape job, the rule and catalogue file names (`ledger`). */
  readonly service: string;
  /** For titles and texts (`Payments Api` from `payments_api`). */
  readonly title: string;
  /** The alert's name: `PaymentsApiErrorRatioHigh`. */
  readonly alert: string;
}

/** The dashboard's name (its uid is `<namespace>-<name>`) and the panel the alert's runbook links to. */
export const DASHBOARD_NAME = 'service';
export const ALERT_PANEL = 'Error ratio';

/** Why `service` cannot name a project, or undefined: it becomes the namespace of every metric. */
export function serviceNameProblem(service: string): string | undefined {
  if (NAMESPACE.test(service)) return undefined;
  const suggestion = service.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '');
  const hint = NAMESPACE.test(suggestion) ? `, such as '${suggestion}'` : ", such as 'ledger'";
  return `service name '${service}' is not lowercase snake_case (a letter, then letters, digits and single underscores): it becomes the prefix of every metric name (<service>_http_requests_total). Give one with --service${hint}`;
}

export function projectNames(service: string): ProjectNames {
  const words = service.split('_').map((word) => word[0]!.toUpperCase() + word.slice(1));
  return { service, title: words.join(' '), alert: `${words.join('')}ErrorRatioHigh` };
}

/** The port the service serves /metrics on, until the user says otherwise in scrape/<service>.ts. */
export const SERVICE_PORT = 8080;
