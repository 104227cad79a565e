import { lateInWords } from '../domain/overdue';
import type { Action, Plan } from '../domain/action';
import { displayStatus } from '../domain/sign-off';
import { sentenceCase } from '../domain/text-case';
import {
  ragOf,
  STATUSES,
  statusLabel,
  type LabelScheme,
  type Rag,
  type Status,
} from '../domain/status';

/** Styles a Container or Column can take. */
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';

/** Longest plan text (recommendation, proposed action) shown on a card about one action. */
export const FULL_TEXT_MAX = 1500;
/** Longest plan text shown for an action inside a list. */
export const LIST_TEXT_MAX = 240;
/** Longest plan title, owner list or other one-line text shown. */
export const LINE_TEXT_MAX = 200;
/** Notes are accepted up to this length and are always shown whole. */
export const NOTE_MAX = 4000;

// Teams' own "good" and "warning" text colours reach only 1.5:1 to 2:1 on its light theme, and
// "attention" falls under 4.5:1 on its dark one: text stays in the default colour everywhere,
// and a status is told by its word and a shape, never by colour alone.
const RAG_STYLES: Record<Rag, ContainerStyle> = {
  none: 'emphasis',
  green: 'good',
  amber: 'warning',
  red: 'attention',
  blue: 'accent',
};

// Shapes that read differently in outline as well as in colour, and that no platform turns into
// coloured emoji. Statuses added later fall back to a bullet until they are given one.
const STATUS_SHAPES: Partial<Record<Status, string>> = {
  'not-started': '○',
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '✕',
  paused: '‖',
  complete: '✓',
  'not-agreed': '⊘',
  superseded: '↷',
};

/** The shape shown before a status's word ("▲ At risk"). */
export function statusShape(status: Status): string {
  return STATUS_SHAPES[status] ?? '•';
}

/** A status as cards show it: a shape and the word, so colour is never needed to read it. */
export function statusBadge(status: Status, scheme?: LabelScheme): string {
  return `${statusShape(status)} ${statusLabel(status, scheme)}`;
}

/**
 * An action's status as cards show it, in its plan's words, saying when a completed action
 * waits for sign-off ("✓ Complete — awaiting sign-off").
 */
export function actionBadge(
  action: Pick<Action, 'status' | 'signedOffAt'>,
  plan: Pick<Plan, 'signOff' | 'labels'>,
): string {
  return `${statusShape(action.status)} ${displayStatus(action, plan)}`;
}

/** The container style of a status, for coloured backgrounds behind text (not started is grey). */
export function statusStyle(status: Status): ContainerStyle {
  return RAG_STYLES[ragOf(status)];
}

/** The status picker's choices, in the order statuses are shown. */
export function statusChoices(): { title: string; value: Status }[] {
  return STATUSES.map((value) => ({ title: statusLabel(value), value }));
}

/**
 * Text people typed, made safe to show as it is. TextRun shows no markdown, but renderers
 * still turn `{{DATE(…)}}` and `{{TIME(…)}}` into dates: a zero-width space between the braces
 * keeps them as typed on screen.
 */
export function shown(text: string): string {
  return text.replace(/\{\{(?=(?:DATE|TIME)\()/g, '{\u200b{');
}

/** Shortens text for display to at most `max` characters, ending "…" when cut. */
export function clip(text: string, max: number): string {
  const flat = text.trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return shown(flat);
  let cut = chars.slice(0, max - 1).join('');
  // Cut at the last space when it is not too far back, so words stay whole.
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return shown(`${cut.trimEnd()}…`);
}

/** Plan text for display: clipped, with a dash when the cell was blank. */
export function planText(text: string, max: number): string {
  return text.trim() === '' ? '–' : clip(text, max);
}

/** A plan title for display: sentence case when written in block capitals, and clipped. */
export function titleText(title: string): string {
  return planText(sentenceCase(title), LINE_TEXT_MAX);
}

/** Longest part of a note shown in a list; the rest is a "Show all" away. */
export const LIST_NOTE_MAX = 500;

/** A note for display: shown whole (notes are limited to 4,000 characters when saved). */
export function noteText(note: string): string {
  return clip(note, NOTE_MAX);
}

/** Longest button title: buttons wider than a phone are cut by Teams. */
export const BUTTON_TITLE_MAX = 40;

/** A button's title, kept short enough for a phone. */
export function buttonTitle(text: string): string {
  return clip(text, BUTTON_TITLE_MAX);
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Owner posts in words, or a note that there are none. */
export function ownersText(owners: string[]): string {
  return owners.length === 0 ? 'No owner named' : clip(listInWords(owners), LINE_TEXT_MAX);
}

/** An instant as GOV.UK writes it, in a time zone (the domain's date words). */
export { formatInstant } from '../domain/overdue';

/** A title in sentence case when written in block capitals (the domain's rule, for cards). */
export { sentenceCase };

/** "1 day late", "3 weeks late", "4 months late": the same words as `describeLateness`. */
export function lateText(days: number): string {
  return lateInWords(days);
}

/** The line that ends a capped list: "…and 3 more." with an optional hint. */
export function moreText(hidden: number, hint = ''): string {
  if (hidden <= 0) return '';
  return `…and ${hidden} more${hint ? `: ${hint}` : '.'}`;
}

/** "1 action", "3 actions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const TITLES = new Set([
  'cllr',
  'councillor',
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'prof',
  'sir',
  'dame',
]);

/** The name to greet someone by: their first name, past any title ("Cllr Megan Jones" → "Megan"). */
export function firstName(name: string): string {
  const words = name.match(/\S+/g) ?? [];
  const first = words.find((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
  return clip(first ?? words[0] ?? 'there', 60);
}
