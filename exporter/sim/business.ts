/**
 * Business usage (billing and the chat, friends and notification services), simulated by the api role: users online, chat, friends,
 * notifications and their streams, user search. Only bounded labels: plans and types, never ids.
 */
import { latency, pick, sleep, type SimulationContext } from './context.ts';

export function startBusiness(context: SimulationContext): void {
  const { metrics, config } = context;
  const perTick = config.tickMs / 1000;
  let usersOnline = 40;
  let rooms = 12;
  let pendingRequests = 5;
  let streams = 25;
  for (const status of ['sent', 'accepted', 'rejected', 'cancelled'] as const) metrics.business.friendRequests.inc({ status }, 0);
  for (const status of ['success', 'failed'] as const) metrics.business.notificationsSent.inc({ type: 'system', status }, 0);
  context.every(config.tickMs, async () => {
    usersOnline = Math.max(15, Math.round(usersOnline + (Math.random() - 0.5) * 6));
    rooms = Math.max(3, Math.round(rooms + (Math.random() - 0.5) * 2));
    streams = Math.max(12, Math.round(streams + (Math.random() - 0.5) * 4));
    metrics.business.usersOnline.set({}, usersOnline);
    metrics.business.chatRoomsActive.set({}, rooms);
    metrics.business.sseConnections.set({}, streams);

    for (let i = 0; i < Math.max(1, Math.round(3 * perTick)); i++) {
      metrics.business.messagesSent.inc({ message_type: pick([['text', 8], ['image', 1.5], ['file', 0.5]]) });
      const stop = metrics.business.messageProcessingDuration.startTimer({});
      await sleep(latency(0.02));
      stop();
    }
    if (Math.random() < 0.3 * perTick) metrics.business.chatRoomsCreated.inc({ room_type: pick([['direct', 3], ['group', 1]]) });
    if (Math.random() < 0.4 * perTick) {
      const status = pick([['sent', 4], ['accepted', 2], ['rejected', 1], ['cancelled', 0.5]]);
      metrics.business.friendRequests.inc({ status });
      pendingRequests = Math.max(0, pendingRequests + (status === 'sent' ? 1 : -1));
      metrics.business.friendRequestsPending.set({}, pendingRequests);
    }
    const stop = metrics.business.notificationProcessingDuration.startTimer({});
    await sleep(latency(0.03));
    stop();
    metrics.business.notificationsSent.inc({ type: pick([['message', 5], ['friend_request', 1], ['task', 2], ['system', 0.2]]), status: Math.random() < 0.98 ? 'success' : 'failed' });
    const search = metrics.business.userSearchDuration.startTimer({});
    await sleep(latency(0.05));
    search();
  });
}
