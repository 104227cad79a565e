import template from '../../cards/digest.json';
import { DEFAULT_TIMEZONE } from '../domain/overdue';
import type { Digest, DueSoonEntry } from '../domain/digest';
import { formatDate } from '../domain/overdue';
import { STATUSES } from '../domain/status';
import {
  buttonTitle,
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
import { VERBS } from './verbs';

/** Entries each digest section lists before "…and N more", largest first, as space allows. */
export const DIGEST_PAGE_SIZES = [10, 8, 6, 5] as const;

/** The digest's sections that list entries, each paged on its own. */
export type DigestSectionName =
  'changed' | 'overdue' | 'dueSoon' | 'notAnswered' | 'escalate' | 'unreachable';

/** The sections, in the order the card shows them. */
export const DIGEST_SECTIONS: readonly DigestSectionName[] = [
  'changed',
  'overdue',
  'dueSoon',
  'notAnswered',
  'escalate',
  'unreachable',
];

/** Data of a digest section's "Show next" / "Show previous" button. */
export interface DigestPageExecuteData {
  verb: typeof VERBS.showPage;
  list: 'digest';
  /** Which digest: a head's service digest, or `plan|<id>` for a plan's. */
  which: string;
  /** The instant the digest was made for (ISO), so the page shows the same week. */
  at: string;
  section: DigestSectionName;
  /** 0-based page to show, as text. */
  page: string;
}

/** Where a digest card can turn its sections' pages: which digest, as of when, on which page. */
export interface DigestPaging {
  which: string;
  at: string;
  pages?: Partial<Record<DigestSectionName, number>>;
}

/** A section of the digest: shown only when it has entries. */
export interface DigestSection<T> {
  show: boolean;
  heading: string;
  items: T[];
  hasMore: boolean;
  more: string;
  hasPager: boolean;
  hasNext: boolean;
  nextTitle: string;
  next: DigestPageExecuteData | null;
  hasPrevious: boolean;
  previousTitle: string;
  previous: DigestPageExecuteData | null;
}

/** Words naming each section on its buttons ("Show next 10 overdue"). */
const SECTION_WORDS: Record<DigestSectionName, string> = {
  changed: 'updates',
  overdue: 'overdue',
  dueSoon: 'due soon',
  notAnswered: 'not answered',
  escalate: 'long overdue',
  unreachable: 'not reached',
};

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

interface SectionOf<S, T> {
  name: DigestSectionName;
  all: readonly S[];
  heading: string;
  map: (s: S) => T;
  /** What to type to see them all, when the card cannot page. */
  hint?: string;
}

function sectionOf<S, T>(
  spec: SectionOf<S, T>,
  pageSize: number,
  paging: DigestPaging | undefined,
): DigestSection<T> {
  const { all, name } = spec;
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(Math.max(0, Math.floor(paging?.pages?.[name] ?? 0)), pages - 1);
  const start = page * pageSize;
  const items = all.slice(start, start + pageSize).map(spec.map);
  const left = all.length - start - items.length;
  const button = (to: number): DigestPageExecuteData | null =>
    paging
      ? {
          verb: VERBS.showPage,
          list: 'digest',
          which: paging.which,
          at: paging.at,
          section: name,
          page: String(to),
        }
      : null;
  const hasNext = paging !== undefined && left > 0;
  const hasPrevious = paging !== undefined && page > 0;
  return {
    show: all.length > 0,
    heading: spec.heading,
    items,
    hasMore: left > 0 || start > 0,
    more:
      start > 0
        ? `Showing ${start + 1} to ${start + items.length} of ${all.length}.`
        : moreText(left, paging ? '' : (spec.hint ?? '')),
    hasPager: hasNext || hasPrevious,
    hasNext,
    nextTitle: buttonTitle(`Show next ${Math.min(pageSize, left)} ${SECTION_WORDS[name]}`),
    next: hasNext ? button(page + 1) : null,
    hasPrevious,
    previousTitle: buttonTitle(`Show previous ${pageSize} ${SECTION_WORDS[name]}`),
    previous: hasPrevious ? button(page - 1) : null,
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

/**
 * Maps a digest to the card's data, listing at most `pageSize` entries in each section; with
 * `paging`, each section longer than that turns its pages with its own buttons.
 */
export function digestCardData(
  digest: Digest,
  pageSize: number = DIGEST_PAGE_SIZES[0],
  paging?: DigestPaging,
): DigestCardData {
  const section = <S, T>(
    name: DigestSectionName,
    all: readonly S[],
    heading: string,
    map: (s: S) => T,
    hint?: string,
  ): DigestSection<T> => sectionOf({ name, all, heading, map, hint }, pageSize, paging);
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
      'changed',
      digest.changed,
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
      'overdue',
      digest.overdue,
      `Overdue: ${plural(digest.overdue.length, 'action')}`,
      lateLine,
      'type **overdue** to see them all.',
    ),
    dueSoon: section(
      'dueSoon',
      digest.dueSoon,
      `Due in the next 14 days: ${plural(digest.dueSoon.length, 'action')}`,
      dueLine,
    ),
    escalate: section(
      'escalate',
      digest.escalate,
      'Long overdue: worth raising with the owners',
      lateLine,
      'type **overdue** to see them all.',
    ),
    notAnswered: section(
      'notAnswered',
      digest.notAnswered,
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
    unreachable: section('unreachable', digest.unreachable, 'I couldn’t send prompts to', (p) => ({
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
export function buildDigestCard(digest: Digest, paging?: DigestPaging): AdaptiveCard {
  return fitCardInSteps(DIGEST_PAGE_SIZES, (size) =>
    expandCard(template, digestCardData(digest, size, paging)),
  );
}

/**
 * The digest card at the `step`-th page size exactly, then (past those) three and one entry per
 * section: a `CardTooLargeError` when over the budget, null past the smallest. For the notifier,
 * which goes down the sizes when Teams refuses a digest as too large.
 */
export function buildDigestCardAt(
  digest: Digest,
  step: number,
  paging?: DigestPaging,
): AdaptiveCard | null {
  const size = [...DIGEST_PAGE_SIZES, 3, 1][step];
  return size === undefined ? null : renderCard(template, digestCardData(digest, size, paging));
}
