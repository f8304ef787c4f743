import { defineDashboard, PANEL_UNITS, promql, rate, rec, row, sel, stat, target, timeseries } from 'sextant';
import { failedLoginRatio } from '../alerts/auth.ts';
import { messageLatency, notificationLatency, searchLatency } from '../alerts/business.ts';
import auth from '../catalog/auth.ts';
import business from '../catalog/business.ts';

const m = business.metrics;

export default defineDashboard({
  name: 'business',
  title: 'Users and business',
  folder: 'Overview',
  description: 'Logins, registrations, usage and the chat, friends and notification services.',
  tags: ['business', 'auth'],
  scope: auth.metrics.loginAttempts,
  rows: [
    row('Users', [
      stat({ title: 'Users online', unit: PANEL_UNITS.count, alerts: ['UsersOnlineLow'], targets: [target(promql`sum(${sel(m.usersOnline)})`)] }),
      stat({ title: 'Notification streams', unit: PANEL_UNITS.count, alerts: ['NoActiveSseConnections'], targets: [target(promql`sum(${sel(m.sseConnections)})`)] }),
      stat({ title: 'Active chat rooms', unit: PANEL_UNITS.count, targets: [target(promql`sum(${sel(m.chatRoomsActive)})`)] }),
      stat({ title: 'Pending friend requests', unit: PANEL_UNITS.count, targets: [target(promql`sum(${sel(m.friendRequestsPending)})`)] }),
      timeseries({ title: 'Failed login ratio', unit: PANEL_UNITS.ratio, width: 8, alerts: ['FailedLoginRatioHigh'], targets: [target(promql`${rec(failedLoginRatio)}`, '{{job}}')] }),
      timeseries({ title: 'Logins by status and method', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (status, method) (${rate(auth.metrics.loginAttempts)})`, '{{status}} {{method}}')] }),
      timeseries({ title: 'Registrations', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (status) (${rate(auth.metrics.registrations)})`, '{{status}}')] }),
    ]),
    row('Usage', [
      timeseries({ title: 'Billable usage by plan', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (plan) (${rate(m.billingUsage)})`, '{{plan}}')] }),
      timeseries({ title: 'Messages sent by type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (message_type) (${rate(m.messagesSent)})`, '{{message_type}}')] }),
      timeseries({ title: 'Chat rooms created', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (room_type) (${rate(m.chatRoomsCreated)})`, '{{room_type}}')] }),
      timeseries({ title: 'Friend requests by status', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (status) (${rate(m.friendRequests)})`, '{{status}}')] }),
      timeseries({ title: 'Notifications by type and outcome', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (type, status) (${rate(m.notificationsSent)})`, '{{type}} {{status}}')] }),
      timeseries({
        title: 'Processing time p95',
        unit: PANEL_UNITS.seconds,
        targets: [
          target(promql`${rec(messageLatency.p95)}`, 'message'),
          target(promql`${rec(notificationLatency.p95)}`, 'notification'),
          target(promql`${rec(searchLatency.p95)}`, 'user search'),
        ],
      }),
    ]),
  ],
});
