import { randomUUID } from 'node:crypto';
import type { WebSocketPeer } from './connection';

/** One live subscription on one connection. @internal */
export type Subscription =
  | { kind: 'graphql'; peer: WebSocketPeer; id: string; query: string }
  | { kind: 'events'; peer: WebSocketPeer; id: string; channel: string };

/**
 * An Events subscription's channel covers a published channel when they are equal, or when it
 * ends in `/*` and the published one is below it (any depth).
 */
function channelCovers(subscribed: string, published: string): boolean {
  if (!subscribed.endsWith('/*')) return subscribed === published;
  const prefix = subscribed.slice(0, -1);
  return published.startsWith(prefix) && published.length > prefix.length;
}

/** What a publish answers: one identifier per event, as AppSync Events' `successful` list. @internal */
export function publishedEvents(count: number): Array<{ identifier: string; index: number }> {
  return Array.from({ length: count }, (_, index) => ({ identifier: randomUUID(), index }));
}

/** The subscriptions of every connection of one endpoint, and the delivery to them. @internal */
export interface RealtimeHub {
  add(subscription: Subscription): void;
  remove(peer: WebSocketPeer, id?: string): void;
  /** Sends GraphQL `data` to the subscriptions whose query names a top-level field of `data`. */
  publishGraphql(data: Readonly<Record<string, unknown>>): number;
  /** Sends each event (JSON text) to the Events subscriptions covering `channel`. */
  publishEvents(channel: string, events: readonly string[]): number;
}

/** A new, empty hub. @internal */
export function createHub(): RealtimeHub {
  const subscriptions = new Set<Subscription>();
  const namesIn = (query: string) => new Set(query.match(/[A-Za-z_][A-Za-z0-9_]*/g));
  return {
    add: (subscription) => void subscriptions.add(subscription),
    remove(peer, id) {
      for (const s of subscriptions) {
        if (s.peer === peer && (id === undefined || s.id === id)) subscriptions.delete(s);
      }
    },
    publishGraphql(data) {
      let reached = 0;
      for (const s of subscriptions) {
        if (s.kind !== 'graphql') continue;
        const names = namesIn(s.query);
        if (!Object.keys(data).some((field) => names.has(field))) continue;
        s.peer.sendText(JSON.stringify({ id: s.id, type: 'data', payload: { data } }));
        reached += 1;
      }
      return reached;
    },
    publishEvents(channel, events) {
      let reached = 0;
      for (const s of subscriptions) {
        if (s.kind !== 'events' || !channelCovers(s.channel, channel)) continue;
        for (const event of events)
          s.peer.sendText(JSON.stringify({ type: 'data', id: s.id, event }));
        reached += 1;
      }
      return reached;
    },
  };
}
