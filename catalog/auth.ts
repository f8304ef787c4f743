import { counter, defineDomain } from 'sextant';

export default defineDomain({
  name: 'auth',
  title: 'Authentication',
  description: "Logins and registrations counted by the user service, by status and method.",
  owner: 'app',
  metrics: {
    loginAttempts: counter({
      name: 'auth_login_attempts_total',
      help: 'Login attempts by outcome and method. The user is never a label: failed logins per user belong in the audit log.',
      labels: { status: ['success', 'failed'], method: ['password', 'oauth', 'api_token', 'other'] },
      replaces: ['user_login_total'],
    }),
    registrations: counter({
      name: 'auth_registrations_total',
      help: 'Account registrations by outcome.',
      labels: { status: ['success', 'failed'] },
      replaces: ['user_registration_total'],
    }),
  },
});
