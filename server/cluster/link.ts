/**
 * What the server processes sharing one database tell each other, through the bus: each room's
 * commits (the others catch up: `Rooms.hint`), the presence of each room's own clients (relayed
 * between the processes that have the room loaded; a newcomer asks for it), and ended sessions
 * (every process closes their sockets). Storage stays the truth: when the bus was down, every
 * room reads storage again once it is back, and meanwhile every few seconds (`Rooms`), as every
 * process checks its sockets' sessions (`collab/websocket.ts`).
 */

import type { Room } from '../collab/room.js';
import type { Rooms } from '../collab/rooms.js';
import type { CollabEndpoint } from '../collab/websocket.js';
import type { Logger } from '../logger.js';
import { type Bus, docTopic, SESSIONS_TOPIC } from './bus.js';
import type { BusMessage } from './busMessages.js';

/** What `linkProcesses` links. */
export interface LinkOptions {
  bus: Bus;
  rooms: Rooms;
  collab: CollabEndpoint;
  log: Logger;
}

/** The link of this process to the others. */
export interface ProcessLink {
  /** Closes a session's sockets here and on every other process. */
  endSession(sessionId: string): void;
  /** Stops listening to the other processes (the bus itself stays open). */
  close(): void;
}

/** Links this process's rooms and sockets to the other processes on `bus`. */
export function linkProcesses({ bus, rooms, collab, log }: LinkOptions): ProcessLink {
  const subscriptions = new Map<Room, () => void>();
  const onDoc = (room: Room, message: BusMessage, from: string) => {
    switch (message.type) {
      case 'committed':
        rooms.hint(room.name, message.seq);
        return;
      case 'presence':
        room.remotePresence(from, message.update);
        return;
      case 'presence-query': {
        const update = room.localPresence();
        if (update) bus.publish(docTopic(room.name), { type: 'presence', update });
        return;
      }
      case 'session-ended':
        log.warn('cluster.unexpected-message', { room: room.name, type: message.type });
        return;
    }
  };
  rooms.observe({
    loaded(room) {
      const topic = docTopic(room.name);
      subscriptions.set(
        room,
        bus.subscribe(topic, (message, from) => onDoc(room, message, from)),
      );
      bus.publish(topic, { type: 'presence-query' });
    },
    unloaded(room) {
      subscriptions.get(room)?.();
      subscriptions.delete(room);
    },
    committed(room, seq) {
      bus.publish(docTopic(room.name), { type: 'committed', seq });
    },
    presence(room, update) {
      bus.publish(docTopic(room.name), { type: 'presence', update });
    },
  });
  bus.onResume(() => rooms.catchUpAll());
  const sessions = bus.subscribe(SESSIONS_TOPIC, (message) => {
    if (message.type === 'session-ended') collab.endSession(message.sessionId);
  });
  return {
    endSession(sessionId) {
      collab.endSession(sessionId);
      bus.publish(SESSIONS_TOPIC, { type: 'session-ended', sessionId });
    },
    close() {
      sessions();
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    },
  };
}
