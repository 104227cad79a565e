import type { AdaptiveCard } from './render';

/** What an Action.Submit keeps of the Action.Execute it stands in for. */
const KEPT = ['title', 'style', 'mode', 'tooltip', 'isEnabled', 'associatedInputs', 'iconUrl'];

/** Which buttons get a fallback: all of them, or only those not tucked away as secondary. */
type Reach = 'all' | 'primary';

function submitFor(node: Record<string, unknown>): Record<string, unknown> {
  const submit: Record<string, unknown> = { type: 'Action.Submit' };
  for (const key of KEPT) if (node[key] !== undefined) submit[key] = node[key];
  const data = typeof node.data === 'object' && node.data !== null ? node.data : {};
  // Action.Submit has no verb of its own: the bot reads it from the data.
  submit.data = { ...data, ...(typeof node.verb === 'string' ? { verb: node.verb } : {}) };
  return submit;
}

function withFallbacks(card: AdaptiveCard, reach: Reach): AdaptiveCard {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== 'object' || value === null) return value;
    const node = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) copy[key] = visit(child);
    const wanted = reach === 'all' || node.mode !== 'secondary';
    if (node.type === 'Action.Execute' && node.fallback === undefined && wanted) {
      copy.fallback = submitFor(node);
    }
    return copy;
  };
  return visit(card) as AdaptiveCard;
}

/**
 * Gives each Action.Execute an Action.Submit `fallback` with the same title and data (its verb
 * included), for Teams clients without Universal Actions: their press arrives as a message
 * carrying the data, which the bot handles as it does the invoke. Fallbacks take only room the
 * card has left within `budget` bytes: every button's if they fit, else the primary buttons',
 * else none, so a card's content never gives way to them.
 */
export function withSubmitFallback(
  card: AdaptiveCard,
  budget: number,
  bytes: (card: AdaptiveCard) => number,
): AdaptiveCard {
  for (const reach of ['all', 'primary'] as const) {
    const covered = withFallbacks(card, reach);
    if (bytes(covered) <= budget) return covered;
  }
  return card;
}
