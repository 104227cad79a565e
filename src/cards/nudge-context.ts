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

const escapeRef = (ref: string): string => encodeURIComponent(ref).replace(/~/g, '%7E');

/**
 * The context as the short text its Update buttons carry ("n2:0:plan,audit:0~4~o|1~5~S": each
 * plan id once, then each action as the plan's place in that list, its ref and its reason), so
 * the card can be rebuilt as it was after one of its actions is updated. Every Update button
 * carries it, so each plan id is written once rather than once per action.
 */
export function encodeNudgeContext(context: NudgeContext): string {
  const plans: string[] = [];
  const items = context.items.map((i) => {
    let at = plans.indexOf(i.planId);
    if (at < 0) at = plans.push(i.planId) - 1;
    // A saved action's reason is written in capitals.
    const code = CODES[i.reason];
    return `${at}~${escapeRef(i.ref)}~${i.saved ? code.toUpperCase() : code}`;
  });
  return `n2:${context.more}:${plans.join(',')}:${items.join('|')}`;
}

/** One action of a context: a plan id, an escaped ref and a reason code. */
function parseItem(
  planId: string | undefined,
  ref: string | undefined,
  code: string | undefined,
): NudgeContext['items'][number] | null {
  const reason = REASONS.get((code ?? '').toLowerCase()) as NudgeReason | undefined;
  if (!planId || !ref || !reason || !isPlanId(planId)) return null;
  try {
    return { planId, ref: decodeURIComponent(ref), reason, saved: code !== code?.toLowerCase() };
  } catch {
    return null;
  }
}

/**
 * The context a card sent back, or null when it is missing or not one the bot wrote. Cards
 * already in people's chats carry the first format ("n1:0:plan~4~o|plan~5~S"), still read.
 */
export function parseNudgeContext(text: unknown): NudgeContext | null {
  if (typeof text !== 'string' || text.length > MAX_NUDGE_CONTEXT_LENGTH) return null;
  const v2 = /^n2:(\d{1,4}):([^:]*):(.*)$/s.exec(text);
  const v1 = v2 ? null : /^n1:(\d{1,4}):(.*)$/s.exec(text);
  const match = v2 ?? v1;
  if (!match) return null;
  const plans = v2 ? v2[2].split(',') : [];
  const list = v2 ? v2[3] : match[2];
  const items: NudgeContext['items'] = [];
  for (const part of list === '' ? [] : list.split('|')) {
    const [plan, ref, code] = part.split('~');
    const planId = v2 ? (/^\d{1,3}$/.test(plan ?? '') ? plans[Number(plan)] : undefined) : plan;
    const item = parseItem(planId, ref, code);
    if (!item) return null;
    items.push(item);
  }
  return items.length > 0 ? { items, more: Number(match[1]) } : null;
}
