import template from '../../cards/channel-briefing.json';
import type { Briefing } from '../domain/channel-briefing';
import { formatDate } from '../domain/overdue';
import { STATUSES } from '../domain/status';
import { statusChange } from './history';
import { clip, lateText, LINE_TEXT_MAX, moreText, ownersText, plural, titleText } from './format';
import { expandCard, type AdaptiveCard } from './render';
import { statusBars, type StatusBarsData } from './status-bars';

/** Most lines in each section of a channel summary. */
export const BRIEFING_SECTION_LIMIT = 15;

interface BriefingLine {
  ref: string;
  detail: string;
  owners: string;
}

/** Template data of `cards/channel-briefing.json`. */
export interface ChannelBriefingCardData extends StatusBarsData {
  title: string;
  periodLabel: string;
  totals: string;
  sections: { heading: string; lines: BriefingLine[]; hasMore: boolean; more: string }[];
}

function section(heading: string, all: BriefingLine[], empty: string) {
  const lines = all.slice(0, BRIEFING_SECTION_LIMIT);
  return {
    heading: all.length === 0 ? empty : heading,
    lines,
    hasMore: all.length > lines.length,
    more: moreText(all.length - lines.length),
  };
}

/** Maps a briefing to the card's data: owners shown by post title only. */
export function channelBriefingCardData(b: Briefing): ChannelBriefingCardData {
  const total = STATUSES.reduce((n, s) => n + b.counts[s], 0);
  const complete = total === 0 ? 0 : Math.round((b.counts.complete / total) * 100);
  const line = (ref: string, detail: string, owners: string[]): BriefingLine => ({
    ref: clip(`Action ${ref}`, LINE_TEXT_MAX),
    detail,
    owners: ownersText(owners),
  });
  return {
    title: titleText(b.planTitle),
    periodLabel: clip(b.periodLabel, LINE_TEXT_MAX),
    totals: `${plural(total, 'action')} · ${complete}% complete`,
    ...statusBars(b.counts),
    sections: [
      section(
        `What moved: ${plural(b.moved.length, 'action')}`,
        b.moved.map((m) => line(m.ref, statusChange(m.statusFrom, m.statusTo), m.owners)),
        'Nothing moved.',
      ),
      section(
        `Overdue: ${plural(b.overdue.length, 'action')}`,
        b.overdue.map((o) => line(o.ref, lateText(o.daysLate), o.owners)),
        'Nothing is overdue.',
      ),
      section(
        `Due before ${b.dueBy}: ${plural(b.dueSoon.length, 'action')}`,
        b.dueSoon.map((d) => line(d.ref, `due ${formatDate(d.due)}`, d.owners)),
        `Nothing else is due before ${b.dueBy}.`,
      ),
    ],
  };
}

/** A plan's summary as posted to a team channel. */
export function buildChannelBriefingCard(b: Briefing): AdaptiveCard {
  return expandCard(template, channelBriefingCardData(b));
}
