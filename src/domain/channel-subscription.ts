/** How often a channel wants a plan posted. */
export type Schedule = { kind: 'weekly'; day: Weekday } | { kind: 'before-meeting' };

/** Days a weekly post can go on. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

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
