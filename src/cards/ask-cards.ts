import choicesTemplate from '../../cards/ask-choices.json';
import examplesTemplate from '../../cards/ask-examples.json';
import type { Reading } from '../ask/reading';
import type { Role } from '../domain/person';
import { buttonTitle, clip, LINE_TEXT_MAX } from './format';
import { commandsFor, type CommandHelp } from './help-card';
import { readingData, type AnswerReadingExecuteData } from './reading-data';
import { expandCard, type AdaptiveCard } from './render';

/** Template data of `cards/ask-choices.json`. */
export interface AskChoicesCardData {
  heading: string;
  intro: string;
  choices: { title: string; data: AnswerReadingExecuteData }[];
}

/** What the choices card is built from: what was understood, and the readings to offer. */
export interface AskChoicesCardInput {
  heading: string;
  intro: string;
  readings: { reading: Reading; title: string }[];
}

/** Maps readings to the choices card's data (at most three buttons). */
export function askChoicesCardData(input: AskChoicesCardInput): AskChoicesCardData {
  return {
    heading: clip(input.heading, LINE_TEXT_MAX),
    intro: clip(input.intro, 400),
    choices: input.readings.slice(0, 3).map(({ reading, title }) => ({
      title: buttonTitle(title),
      data: readingData(reading),
    })),
  };
}

/** "Did you mean…": the two or three likeliest readings of a question, one button each. */
export function buildAskChoicesCard(input: AskChoicesCardInput): AdaptiveCard {
  return expandCard(choicesTemplate, askChoicesCardData(input));
}

/** Template data of `cards/ask-examples.json`. */
export interface AskExamplesCardData {
  heading: string;
  examples: { text: string }[];
  commands: CommandHelp[];
}

const EXAMPLES: Record<'reader' | 'officer' | 'admin', string[]> = {
  reader: [
    '“How is the comms plan going?”',
    '“What’s overdue on the comms plan?”',
    '“Anything off track for democratic services?”',
    '“How’s rec 4 going?”',
    '“What’s changed since the last meeting?”',
    '“Who hasn’t updated this month?”',
  ],
  officer: [
    '“What’s overdue?”',
    '“What’s due this month?”',
    '“How’s rec 4 going?”',
    '“Which of mine are at risk?”',
  ],
  admin: [
    '“Post the comms plan here every Monday” (in a team channel)',
    '“Stop posting the comms plan here”',
  ],
};

/** Example questions that fit a person's roles. */
export function examplesFor(roles: readonly Role[]): string[] {
  const reader = roles.some((r) => r === 'chair' || r === 'head' || r === 'admin');
  const lead = roles.some((r) => r === 'chair' || r === 'admin');
  return [...(reader ? EXAMPLES.reader : EXAMPLES.officer), ...(lead ? EXAMPLES.admin : [])];
}

/** Example questions for the person's roles, then the commands they can use. */
export function buildAskExamplesCard(input: { roles: Role[] }): AdaptiveCard {
  const data: AskExamplesCardData = {
    heading: 'You can ask me things like',
    examples: examplesFor(input.roles).map((text) => ({ text })),
    commands: commandsFor(input.roles),
  };
  return expandCard(examplesTemplate, data);
}
