import { counter, defineDomain, gauge, histogram } from 'sextant';
import { JOB_TYPES } from './shared/labels.ts';

const FAST_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2];

export default defineDomain({
  name: 'business',
  title: 'Business usage',
  description:
    "Usage the business reads: billing and the chat, friends and notification services. " +
    'Unbounded identifiers are not labels here: `organization_id` is replaced by `plan`, `room_id` by ' +
    "nothing (message type stays), `user_id` on pending friend requests by nothing. Per-customer figures belong in the database.",
  owner: 'app',
  metrics: {
    billingUsage: counter({
      name: 'billing_usage_units_total',
      help: 'Billable tasks submitted, by plan and job type (billing per organization lives in the billing database).',
      labels: { plan: ['free', 'pro', 'enterprise'], job_type: JOB_TYPES },
      replaces: ['taskforge_billing_usage_total'],
    }),
    usersOnline: gauge({
      name: 'users_online',
      help: 'Users with an active session.',
      replaces: ['user_online_count'],
    }),
    userSearchDuration: histogram({
      name: 'user_search_duration_seconds',
      help: 'Time a user search took.',
      unit: 'seconds',
      buckets: FAST_BUCKETS,
      replaces: ['user_search_duration_seconds'],
    }),
    messagesSent: counter({
      name: 'messages_sent_total',
      help: 'Chat messages sent, by message type.',
      labels: { message_type: ['text', 'image', 'file'] },
      replaces: ['message_sent_total'],
    }),
    messageProcessingDuration: histogram({
      name: 'message_processing_duration_seconds',
      help: 'Time to process and store one chat message.',
      unit: 'seconds',
      buckets: FAST_BUCKETS,
      replaces: ['message_processing_duration_seconds'],
    }),
    chatRoomsCreated: counter({
      name: 'chat_rooms_created_total',
      help: 'Chat rooms created, by room type.',
      labels: { room_type: ['direct', 'group'] },
      replaces: ['chat_room_created_total'],
    }),
    chatRoomsActive: gauge({
      name: 'chat_rooms_active',
      help: 'Chat rooms with a message in the last five minutes.',
      replaces: ['active_chat_rooms'],
    }),
    friendRequests: counter({
      name: 'friend_requests_total',
      help: 'Friend requests, by status.',
      labels: { status: ['sent', 'accepted', 'rejected', 'cancelled'] },
      replaces: ['friend_request_total'],
    }),
    friendRequestsPending: gauge({
      name: 'friend_requests_pending',
      help: 'Friend requests awaiting an answer, across all users.',
      replaces: ['pending_friend_requests'],
    }),
    notificationsSent: counter({
      name: 'notifications_sent_total',
      help: 'Notifications sent, by type and outcome.',
      labels: { type: ['friend_request', 'message', 'task', 'system'], status: ['success', 'failed'] },
      replaces: ['notification_sent_total'],
    }),
    notificationProcessingDuration: histogram({
      name: 'notification_processing_duration_seconds',
      help: 'Time to process and send one notification.',
      unit: 'seconds',
      buckets: FAST_BUCKETS,
      replaces: ['notification_processing_duration_seconds'],
    }),
    sseConnections: gauge({
      name: 'sse_connections_active',
      help: 'Open server-sent-event connections delivering notifications.',
      replaces: ['active_sse_connections'],
    }),
  },
});
