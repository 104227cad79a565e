import template from '../../cards/notice.json';
import { clip, NOTE_MAX, type ContainerStyle } from './format';
import { expandCard, type AdaptiveCard } from './render';

/** Most lines a notice shows. */
export const NOTICE_LINES_LIMIT = 15;

/** Template data of `cards/notice.json`. */
export interface NoticeCardData {
  title: string;
  lines: { text: string }[];
  style: ContainerStyle;
}

/** What a notice is built from. */
export interface NoticeCardInput {
  title: string;
  /** The lines in the order shown, each a sentence (no blank ones). */
  lines: string[];
  /** `good` for confirmations, `warning` or `attention` for problems. */
  style: ContainerStyle;
}

/** Maps a notice to its card's data; lines are shown as given and written (never as markdown). */
export function noticeCardData(input: NoticeCardInput): NoticeCardData {
  const { lines } = input;
  const shown = lines.slice(0, NOTICE_LINES_LIMIT).map((l) => ({ text: clip(l, NOTE_MAX) }));
  if (lines.length > shown.length)
    shown.push({ text: `…and ${lines.length - shown.length} more.` });
  return { title: clip(input.title, 200), lines: shown, style: input.style };
}

/** A short message card: an error, a warning or a confirmation. */
export function buildNoticeCard(input: NoticeCardInput): AdaptiveCard {
  return expandCard(template, noticeCardData(input));
}
