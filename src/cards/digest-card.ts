import template from '../../cards/digest.json';
import { DEFAULT_TIMEZONE } from '../domain/overdue';
import type { Digest, DueSoonEntry } from '../domain/digest';
import { formatDate } from '../domain/overdue';
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
import { expandCard, fitCardInSteps, renderCard, type AdaptiveCard } from './render';
import { statusBars, type StatusBarsData } from './status-bars';

/** Entries each digest section lists before "…and N more", largest first, as space allows. */
export const DIGEST_PAGE_SIZES = [10, 8, 6, 5] as const;

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

interface DueLine {
  ref: string;
  when: string;
  owners: string;
  planTitle: string;
}

/** Template data of `cards/digest.json`. */
export interface DigestCardData extends StatusBarsData {
  heading: string;
  subject: string;
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
  dueSoon: DigestSection<DueLine>;
  escalate: DigestSection<LateLine>;
  notAnswered: DigestSection<{ name: string; email: string; refs: string; waiting: string }>;
  unreachable: DigestSection<{ name: string; email: string; reason: string }>;
}

function section<S, T>(
  all: readonly S[],
  limit: number,
  heading: string,
  map: (s: S) => T,
  hint = '',
): DigestSection<T> {
  const items = all.slice(0, limit).map(map);
  return {
    show: all.length > 0,
    heading,
    items,
    hasMore: all.length > items.length,
    more: moreText(all.length - items.length, hint),
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

function dueLine(entry: DueSoonEntry): DueLine {
  const when =
    entry.daysLeft === 0
      ? 'due today'
      : entry.daysLeft === 1
        ? 'due tomorrow'
        : `due in ${entry.daysLeft} days`;
  return {
    ref: clip(`Action ${entry.ref}`, LINE_TEXT_MAX),
    when: `${when} (${formatDate(entry.due)})`,
    owners: ownersText(entry.owners),
    planTitle: titleText(entry.planTitle),
  };
}

/** Maps a digest to the card's data, listing at most `pageSize` entries in each section. */
export function digestCardData(
  digest: Digest,
  pageSize: number = DIGEST_PAGE_SIZES[0],
): DigestCardData {
  const tz = digest.timezone ?? DEFAULT_TIMEZONE;
  const total = STATUSES.reduce((sum, s) => sum + digest.counts[s], 0);
  const nothing =
    digest.changed.length === 0 &&
    digest.overdue.length === 0 &&
    digest.dueSoon.length === 0 &&
    digest.escalate.length === 0;
  return {
    heading: digest.heading,
    subject: titleText(digest.subject),
    periodLabel: clip(digest.periodLabel, LINE_TEXT_MAX),
    totals: `${plural(total, 'action')} · ${total === 0 ? 0 : Math.round((digest.counts.complete / total) * 100)}% complete`,
    ...statusBars(digest.counts),
    allQuiet: nothing,
    quiet: 'All quiet: no updates, nothing overdue and nothing due in the next 14 days.',
    changed: section(
      digest.changed,
      pageSize,
      `What moved: ${plural(digest.changed.length, 'update')}`,
      (c) => {
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
      },
    ),
    overdue: section(
      digest.overdue,
      pageSize,
      `Overdue: ${plural(digest.overdue.length, 'action')}`,
      lateLine,
      'type **overdue** to see them all.',
    ),
    dueSoon: section(
      digest.dueSoon,
      pageSize,
      `Due in the next 14 days: ${plural(digest.dueSoon.length, 'action')}`,
      dueLine,
    ),
    escalate: section(
      digest.escalate,
      pageSize,
      'Long overdue: worth raising with the owners',
      lateLine,
      'type **overdue** to see them all.',
    ),
    notAnswered: section(
      digest.notAnswered,
      pageSize,
      `Not answered: ${plural(digest.notAnswered.length, 'person', 'people')} prompted and not replied`,
      (p) => ({
        name: clip(p.name, LINE_TEXT_MAX),
        email: clip(p.email, LINE_TEXT_MAX),
        refs: clip(
          `${p.refs.length === 1 ? 'action' : 'actions'} ${listInWords(p.refs)}`,
          LINE_TEXT_MAX,
        ),
        waiting: p.waitingDays === 0 ? 'asked today' : `waiting ${plural(p.waitingDays, 'day')}`,
      }),
    ),
    unreachable: section(digest.unreachable, pageSize, 'I couldn’t send prompts to', (p) => ({
      name: clip(p.name, LINE_TEXT_MAX),
      email: clip(p.email, LINE_TEXT_MAX),
      reason: clip(p.reason, LINE_TEXT_MAX),
    })),
  };
}

/**
 * The weekly digest: counts by status, what moved (notes as written), what is overdue, what
 * falls due in the next 14 days, who has not answered a prompt and for how long, what should be
 * escalated and who could not be reached. Each section lists ten, or as many (at least five)
 * as the card budget allows.
 */
export function buildDigestCard(digest: Digest): AdaptiveCard {
  return fitCardInSteps(DIGEST_PAGE_SIZES, (size) =>
    expandCard(template, digestCardData(digest, size)),
  );
}

/**
 * The digest card at the `step`-th page size exactly, then (past those) three and one entry per
 * section: a `CardTooLargeError` when over the budget, null past the smallest. For the notifier,
 * which goes down the sizes when Teams refuses a digest as too large.
 */
export function buildDigestCardAt(digest: Digest, step: number): AdaptiveCard | null {
  const size = [...DIGEST_PAGE_SIZES, 3, 1][step];
  return size === undefined ? null : renderCard(template, digestCardData(digest, size));
}
