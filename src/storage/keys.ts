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
  return safeKey(
    ref
      .trim()
      .toLowerCase()
      .replace(/\d+/g, (n) => n.padStart(6, '0')),
  );
}

const MAX_TIME = 9_999_999_999_999;

/** A key that sorts newest first: rows are returned in key order. */
export function newestFirstKey(isoInstant: string, id: string): string {
  const inverted = MAX_TIME - Date.parse(isoInstant);
  return `${String(inverted).padStart(13, '0')}-${safeKey(id)}`;
}
