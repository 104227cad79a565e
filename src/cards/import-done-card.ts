import template from '../../cards/import-done.json';
import { clip, LINE_TEXT_MAX, LIST_TEXT_MAX, plural } from './format';
import { renderCard, type AdaptiveCard } from './render';
import { VERBS, type FirstMessagesExecuteData } from './verbs';

/** Most lines the confirmation lists. */
export const IMPORT_DONE_LINES_LIMIT = 20;

/** Template data of `cards/import-done.json`. */
export interface ImportDoneCardData {
  heading: string;
  lines: { text: string }[];
  hasOffer: boolean;
  offer: string;
  offerTitle: string;
  send: FirstMessagesExecuteData;
}

/** What the confirmation of an import is built from. */
export interface ImportDoneCardInput {
  heading: string;
  lines: string[];
  /** The plan whose owners can be sent their first message, and how many owners there are. */
  offer: { planId: string; owners: number } | null;
}

/** Maps an import's outcome to the confirmation card's data. */
export function importDoneCardData(input: ImportDoneCardInput): ImportDoneCardData {
  const lines = input.lines.slice(0, IMPORT_DONE_LINES_LIMIT);
  const owners = input.offer?.owners ?? 0;
  return {
    heading: clip(input.heading, LINE_TEXT_MAX),
    lines: lines.map((text) => ({ text: clip(text, LIST_TEXT_MAX) })),
    hasOffer: input.offer !== null && owners > 0,
    offer:
      `Shall I send each owner a first message listing their actions in this plan? ` +
      `That is ${plural(owners, 'person', 'people')}, one message each, sent once.`,
    offerTitle: 'Send each owner their actions',
    send: { verb: VERBS.sendFirstMessages, planId: input.offer?.planId ?? '' },
  };
}

/** The answer to Import: what was stored, and the offer to tell each owner. */
export function buildImportDoneCard(input: ImportDoneCardInput): AdaptiveCard {
  return renderCard(template, importDoneCardData(input));
}
