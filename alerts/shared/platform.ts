/** Who answers for the platform alerts (hosts, Kubernetes, data stores, the monitoring itself). */
export const PLATFORM_ESCALATION =
  'The platform on-call (#platform-oncall); if the fix steps do not end it within 30 minutes, or data is at risk, page the platform lead.';
/** Who answers when the alerting pipeline itself fails: the people who run Prometheus and Alertmanager. */
export const MONITORING_ESCALATION =
  'The monitoring owners (#observability); if alerts cannot be delivered for more than 15 minutes, tell every on-call by chat that paging is degraded.';
/**
 * Who answers for the data stores (the MySQL, MongoDB and Kafka packs). They are causes, not
 * symptoms: the services using them page on their own errors and latency; these alerts open tickets.
 */
export const DATASTORE_ESCALATION = `${PLATFORM_ESCALATION} The database owners (#data) for anything beyond a restart.`;
