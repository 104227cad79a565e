import type { Status } from './status';

export { statusFromProgressNote } from './progress-note';

/**
 * Words councils write in status, progress, RAG and outcome columns. A recommendation the
 * executive did not agree ("Not agreed", "Rejected") or that was overtaken ("Superseded") is
 * closed without completion; "On hold" pauses an action.
 */
const STATUS_WORDS: Record<Status, string[]> = {
  complete: [
    'complete',
    'completed',
    'done',
    'achieved',
    'closed',
    'implemented',
    'fully implemented',
    'delivered',
    'finished',
    'blue',
    'b',
  ],
  'not-agreed': [
    'not agreed',
    'not accepted',
    'not supported',
    'rejected',
    'declined',
    'disagreed',
    'not approved',
  ],
  superseded: [
    'superseded',
    'withdrawn',
    'no longer required',
    'no longer relevant',
    'replaced',
    'overtaken by events',
  ],
  paused: ['paused', 'on hold', 'put on hold', 'deferred', 'suspended'],
  'on-track': [
    'on track',
    'on target',
    'on schedule',
    'green',
    'g',
    'in progress',
    'ongoing',
    'on going',
    'underway',
    'under way',
    'progressing',
    'started',
    'agreed',
    'accepted',
    'partially agreed',
    'partly agreed',
    'agreed in part',
    'agreed in principle',
    'partially implemented',
    'partly implemented',
  ],
  'at-risk': ['at risk', 'amber', 'a', 'some slippage', 'minor slippage', 'slipping'],
  'off-track': [
    'off track',
    'not on track',
    'red',
    'r',
    'delayed',
    'overdue',
    'behind',
    'behind schedule',
    'late',
    'slipped',
    'significant slippage',
    'stalled',
    'missed',
  ],
  'not-started': [
    'not started',
    'not yet started',
    'yet to start',
    'not commenced',
    'not yet commenced',
    'pending',
  ],
};

const SEVERITY: Status[] = [
  'not-agreed',
  'superseded',
  'paused',
  'not-started',
  'on-track',
  'complete',
  'at-risk',
  'off-track',
];
const ENTRIES = (Object.entries(STATUS_WORDS) as [Status, string[]][])
  .flatMap(([status, words]) => words.map((word) => ({ word, status })))
  .sort((a, b) => b.word.length - a.word.length);
const EXACT = new Map(ENTRIES.map(({ word, status }) => [word, status]));
// Too common in other senses to read at the start of a longer text ("Late March", "Missed …").
const EXACT_ONLY = new Set(['late', 'missed']);
const COLOURS: Record<string, Status> = { green: 'on-track', amber: 'at-risk', red: 'off-track' };

function tidy(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\bon-track\b/g, 'on track')
    .replace(/\boff-track\b/g, 'off track')
    .replace(/\bon-going\b/g, 'ongoing')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-:.,;*]+|[\s\-:.,;*!]+$/g, '');
}

/**
 * Reads a status, progress, RAG or outcome cell ("Complete", "Amber", "On track", "Not agreed")
 * as a status. Text it does not recognise gives null, so the caller can say so.
 */
export function statusFromText(text: string | null | undefined): Status | null {
  if (!text) return null;
  const tidied = tidy(text);
  if (tidied === '') return null;
  const exact = EXACT.get(tidied);
  if (exact) return exact;
  // "Closed – not agreed", "Closed: superseded": the outcome after "closed" says how it closed.
  const closedHow = /^closed\s*[-:(]\s*(.+?)\)?$/.exec(tidied);
  if (closedHow) {
    const how = statusFromText(closedHow[1]);
    if (how) return how;
  }
  // Mixed ratings such as "Amber/Red" take the worse colour.
  const colours = tidied.split(/\s*[/-]\s*|\s+to\s+/);
  if (colours.length > 1 && colours.every((c) => c in COLOURS)) {
    return colours
      .map((c) => COLOURS[c])
      .sort((a, b) => SEVERITY.indexOf(b) - SEVERITY.indexOf(a))[0];
  }
  // A leading status word with more after it: "Green - on track", "Completed March 2021".
  // Single letters are left out: "A" alone is amber, "A review is…" is not.
  const leading = ENTRIES.find(
    ({ word }) =>
      word.length > 1 &&
      !EXACT_ONLY.has(word) &&
      tidied.startsWith(word) &&
      /^(?:$|[^a-z])/.test(tidied.slice(word.length)),
  );
  return leading ? leading.status : null;
}
