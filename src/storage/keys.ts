/** Characters Table Storage forbids in keys, plus `%` so the encoding can be reversed. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what keys may not hold
const FORBIDDEN = /[/\\#?%\u0000-\u001f\u007f-\u009f]/g;

/** Makes any text safe to use as a PartitionKey or RowKey. */
export function safeKey(text: string): string {
  return text.replace(FORBIDDEN, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Row key of an action: numbers are zero-padded so rows come back in the plan's order
 * ("2" before "10", "R1.2" before "R1.10").
 */
export function refKey(ref: string): string {
  const key = safeKey(
    ref
      .trim()
      .toLowerCase()
      .replace(/\d+/g, (n) => n.padStart(6, '0')),
  );
  // Keys from `~` on hold each action's history (below): an action's own key never starts there.
  return key.startsWith('~') ? `%7e${key.slice(1)}` : key;
}

/**
 * In a plan's partition of the actions table, the actions' rows sort before this key and their
 * history rows from it, so either can be read by a RowKey range.
 */
export const HISTORY_ROWS = { from: '~h|', to: '~h}' } as const;

/** Where one action's history rows start: `~h|<ref key>|`, then each update's id. */
export function historyPrefix(ref: string): string {
  return `${HISTORY_ROWS.from}${refKey(ref)}|`;
}

/** The RowKey of one update to an action: fixed by its id, so writing it twice writes one row. */
export function historyKey(ref: string, id: string): string {
  return `${historyPrefix(ref)}${safeKey(id)}`;
}

/** The first key after every key that starts with `prefix`. */
export function prefixEnd(prefix: string): string {
  return `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
}

const MAX_TIME = 9_999_999_999_999;

/** A key that sorts newest first: rows are returned in key order. */
export function newestFirstKey(isoInstant: string, id: string): string {
  const inverted = MAX_TIME - Date.parse(isoInstant);
  return `${String(inverted).padStart(13, '0')}-${safeKey(id)}`;
}
