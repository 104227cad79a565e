import type { NudgeReason } from '../domain/nudge-policy';
import { isPlanId } from '../import/preamble';

/** Which actions a nudge card showed with inputs, in order, and how many more it listed. */
export interface NudgeContext {
  /** `saved`: updated from this card already, so shown folded into its "Saved" line. */
  items: { planId: string; ref: string; reason: NudgeReason; saved: boolean }[];
  more: number;
}

const CODES: Record<NudgeReason, string> = {
  overdue: 'o',
  'due-today': 't',
  'due-soon': 's',
  'no-update': 'n',
  'paused-review': 'p',
};
const REASONS = new Map(Object.entries(CODES).map(([reason, code]) => [code, reason]));

/** Longest context a card may carry back; ten actions take a few hundred characters. */
export const MAX_NUDGE_CONTEXT_LENGTH = 3000;

/**
 * The context as the short text its Update buttons carry ("n1:0:plan~4~o|plan~5~S"), so the
 * card can be rebuilt as it was after one of its actions is updated.
 */
export function encodeNudgeContext(context: NudgeContext): string {
  // A saved action's reason is written in capitals.
  const items = context.items.map((i) => {
    const code = CODES[i.reason];
    const ref = encodeURIComponent(i.ref).replace(/~/g, '%7E');
    return `${i.planId}~${ref}~${i.saved ? code.toUpperCase() : code}`;
  });
  return `n1:${context.more}:${items.join('|')}`;
}

/** The context a card sent back, or null when it is missing or not one the bot wrote. */
export function parseNudgeContext(text: unknown): NudgeContext | null {
  if (typeof text !== 'string' || text.length > MAX_NUDGE_CONTEXT_LENGTH) return null;
  const match = /^n1:(\d{1,4}):(.*)$/s.exec(text);
  if (!match) return null;
  const items: NudgeContext['items'] = [];
  for (const part of match[2] === '' ? [] : match[2].split('|')) {
    const [planId, ref, code] = part.split('~');
    const reason = REASONS.get((code ?? '').toLowerCase()) as NudgeReason | undefined;
    if (!planId || !ref || !reason || !isPlanId(planId)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      return null;
    }
    items.push({ planId, ref: decoded, reason, saved: code !== code?.toLowerCase() });
  }
  return items.length > 0 ? { items, more: Number(match[1]) } : null;
}
