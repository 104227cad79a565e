import { buildDigestCard, DIGEST_SECTIONS, type DigestSectionName } from '../../cards/digest-card';
import { digestFor, type DigestWhich } from '../../services/digest-sources';
import { refusals } from '../../services/refusals';
import type { BotTurn, CardActionResult } from '../bot-turn';

// The digests a card can name: a head's own service, or a plan by its id.
const WHICH = /^(?:service|plan\|[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?)$/;

/**
 * "Show next" / "Show previous" on a section of a weekly digest: the same digest, built again as
 * of the instant it was made for, with that section at the page asked for, in place of the one
 * pressed. Only the person it is for can turn it: a head their service's, a chair their plan's.
 */
export async function digestPage(
  turn: BotTurn,
  data: Record<string, unknown>,
  page: number,
): Promise<CardActionResult> {
  const section = DIGEST_SECTIONS.find((s) => s === data.section) as DigestSectionName | undefined;
  const which = typeof data.which === 'string' && WHICH.test(data.which) ? data.which : null;
  const at = typeof data.at === 'string' ? new Date(data.at) : null;
  if (!section || !which || !at || Number.isNaN(at.getTime())) {
    throw refusals.cardLacks('page to show');
  }
  const { config, repos } = turn.deps;
  const settings = { timezone: config.TIMEZONE, escalateDays: config.ESCALATE_DAYS };
  const digest = await digestFor(repos, settings, turn.person, which as DigestWhich, at);
  return {
    card: buildDigestCard(digest, { which, at: at.toISOString(), pages: { [section]: page } }),
  };
}
