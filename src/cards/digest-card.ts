import template from '../../cards/digest.json';
import { DEFAULT_TIMEZONE } from '../domain/overdue';
import type { Digest } from '../domain/digest';
import { STATUSES } from '../domain/status';
import {
  clip,
  formatInstant,
  lateText,
  LINE_TEXT_MAX,
  listInWords,
  moreText,
  LIST_NOTE_MAX,
  ownersText,
  plural,
  titleText,
} from './format';
import { statusChange } from './history';
import { expandCard, fitCard, type AdaptiveCard } from './render';
import { statusBars, type StatusBarsData } from './status-bars';

/** How many entries each digest section lists before "…and N more". */
export const DIGEST_LIMITS = {
  changed: 10,
  overdue: 15,
  escalate: 10,
  notAnswered: 15,
  unreachable: 15,
} as const;

/** A section of the digest: shown only when it has entries. */
export interface DigestSection<T> {
  show: boolean;
  heading: string;
  items: T[];
  hasMore: boolean;
  more: string;
}

interface LateLine {
  ref: string;
  late: string;
  owners: string;
  planTitle: string;
}

/** Template data of `cards/digest.json`. */
export interface DigestCardData extends StatusBarsData {
  title: string;
  periodLabel: string;
  totals: string;
  allQuiet: boolean;
  quiet: string;
  changed: DigestSection<{
    ref: string;
    planTitle: string;
    change: string;
    byName: string;
    at: string;
    hasNote: boolean;
    note: string;
  }>;
  overdue: DigestSection<LateLine>;
  escalate: DigestSection<LateLine>;
  notAnswered: DigestSection<{ name: string; email: string; refs: string }>;
  unreachable: DigestSection<{ name: string; email: string; reason: string }>;
}

function section<S, T>(
  all: readonly S[],
  limit: number,
  heading: string,
  map: (s: S) => T,
): DigestSection<T> {
  const items = all.slice(0, limit).map(map);
  return {
    show: all.length > 0,
    heading,
    items,
    hasMore: all.length > items.length,
    more: moreText(all.length - items.length),
  };
}

function lateLine(entry: Digest['overdue'][number]): LateLine {
  return {
    ref: clip(`Action ${entry.ref}`, LINE_TEXT_MAX),
    late: lateText(entry.daysLate),
    owners: ownersText(entry.owners),
    planTitle: titleText(entry.planTitle),
  };
}

/** Maps a digest to the card's data, listing at most `changedLimit` updates. */
export function digestCardData(
  digest: Digest,
  changedLimit: number = DIGEST_LIMITS.changed,
): DigestCardData {
  const tz = digest.timezone ?? DEFAULT_TIMEZONE;
  const total = STATUSES.reduce((sum, s) => sum + digest.counts[s], 0);
  const nothing =
    digest.changed.length === 0 && digest.overdue.length === 0 && digest.escalate.length === 0;
  return {
    title: titleText(digest.title),
    periodLabel: clip(digest.periodLabel, LINE_TEXT_MAX),
    totals: `${plural(total, 'action')} · ${total === 0 ? 0 : Math.round((digest.counts.complete / total) * 100)}% complete`,
    ...statusBars(digest.counts),
    allQuiet: nothing,
    quiet: 'All quiet: no updates and nothing overdue.',
    changed: section(digest.changed, changedLimit, `Updates: ${digest.changed.length}`, (c) => {
      const note = c.note?.trim() ?? '';
      return {
        ref: clip(`Action ${c.ref}`, LINE_TEXT_MAX),
        planTitle: titleText(c.planTitle),
        change: statusChange(c.statusFrom, c.statusTo),
        byName: clip(c.byName.trim() || 'Someone', LINE_TEXT_MAX),
        at: formatInstant(c.at, tz),
        hasNote: note !== '',
        note: note === '' ? '' : clip(note, LIST_NOTE_MAX),
      };
    }),
    overdue: section(
      digest.overdue,
      DIGEST_LIMITS.overdue,
      `Overdue: ${plural(digest.overdue.length, 'action')}`,
      lateLine,
    ),
    escalate: section(
      digest.escalate,
      DIGEST_LIMITS.escalate,
      'Long overdue: worth raising with the owners',
      lateLine,
    ),
    notAnswered: section(
      digest.notAnswered,
      DIGEST_LIMITS.notAnswered,
      'Prompted but not answered yet',
      (p) => ({
        name: clip(p.name, LINE_TEXT_MAX),
        email: clip(p.email, LINE_TEXT_MAX),
        refs: clip(
          `${p.refs.length === 1 ? 'action' : 'actions'} ${listInWords(p.refs)}`,
          LINE_TEXT_MAX,
        ),
      }),
    ),
    unreachable: section(
      digest.unreachable,
      DIGEST_LIMITS.unreachable,
      'I couldn’t send prompts to',
      (p) => ({
        name: clip(p.name, LINE_TEXT_MAX),
        email: clip(p.email, LINE_TEXT_MAX),
        reason: clip(p.reason, LINE_TEXT_MAX),
      }),
    ),
  };
}

/**
 * The weekly digest: counts by status, what changed (notes as written), what is overdue or
 * should be escalated, who has not answered and who could not be reached.
 */
export function buildDigestCard(digest: Digest): AdaptiveCard {
  return fitCard(
    (limit) => expandCard(template, digestCardData(digest, limit)),
    DIGEST_LIMITS.changed,
  );
}
