import type { Schedule } from '../ask/slot-patterns';

/** A team channel that asked for a plan's summary on a schedule. */
export interface ChannelSubscription {
  /** Stable id: the channel and the plan. */
  id: string;
  planId: string;
  conversationId: string;
  /** Serialised conversation reference of the channel (kept opaque to the domain). */
  reference: Record<string, unknown>;
  channelName: string | null;
  schedule: Schedule;
  /** Email of the chair or admin who asked. */
  createdBy: string;
  createdAt: string;
  version: string;
}

/** "every Monday" or "before each meeting". */
export function scheduleInWords(schedule: Schedule): string {
  return schedule.kind === 'weekly'
    ? `every ${schedule.day.charAt(0).toUpperCase()}${schedule.day.slice(1)}`
    : 'before each meeting';
}
