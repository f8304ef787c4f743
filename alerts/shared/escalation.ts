/** Whom the application alerts' runbooks send you to when the fix steps do not end the alert. */
export const APP_ESCALATION =
  'The application on-call (team app) owns it; after 30 minutes without progress, or at once when users are affected, call the incident commander.';
export const DEPENDENCY_ESCALATION =
  'The team owning the failing dependency; if users are affected (the HTTP or SLO pages fire), the incident commander.';
