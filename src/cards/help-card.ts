import template from '../../cards/help.json';
import type { Role } from '../domain/person';
import { expandCard, type AdaptiveCard } from './render';

/** One command and what it does. */
export interface CommandHelp {
  command: string;
  description: string;
}

/** Template data of `cards/help.json`. */
export interface HelpCardData {
  heading: string;
  commands: CommandHelp[];
  reply: string;
}

/** What the help card is built from. */
export interface HelpCardInput {
  roles: Role[];
}

const COMMANDS: CommandHelp[] = [
  { command: 'help', description: 'this list.' },
  { command: 'my actions', description: 'your open actions, overdue first.' },
  { command: 'my actions all', description: 'all your actions, complete ones too.' },
  { command: 'summary', description: 'how each plan is going.' },
  {
    command: 'summary communications',
    description: 'one plan, named by a word of its title: progress, overdue, recent updates.',
  },
  { command: 'overdue', description: 'every overdue action, by plan.' },
  {
    command: 'action communications 4',
    description: 'action 4 of that plan, its history and (if it’s yours) an update form.',
  },
];

const CHAIR_COMMANDS: CommandHelp[] = [
  {
    command: 'sign off 1, 3 and 5 on communications',
    description: 'sign off completed actions; "sign off" alone lists what is waiting.',
  },
  {
    command: 'reopen communications 4: not yet to Council',
    description: 'send a completed action back to its owners, who are told why.',
  },
  {
    command: 'report for communications',
    description: 'the committee’s progress report as a Word paper (in a personal chat).',
  },
  {
    command: 'meetings communications 12 January 2027, 9 March 2027',
    description: 'the dates of the committee’s meetings, for "since the last meeting".',
  },
];

const ADMIN_COMMANDS: CommandHelp[] = [
  {
    command: 'assign Head of Finance to sam@council.gov.uk',
    description: 'give a post to someone in the directory (admins only).',
  },
];

/** The commands a person with these roles can use, one line each. */
export function commandsFor(roles: readonly Role[]): CommandHelp[] {
  const admin = roles.includes('admin');
  const chair = roles.includes('chair') || admin;
  return [...COMMANDS, ...(chair ? CHAIR_COMMANDS : []), ...(admin ? ADMIN_COMMANDS : [])];
}

/** The line about replying in your own words. */
export const REPLY_HELP =
  'Or reply to a prompt in your own words, such as "done, approved at committee on Tuesday", and I’ll record it as an update.';

/** Maps roles to the help card's data. */
export function helpCardData(input: HelpCardInput): HelpCardData {
  return { heading: 'What you can ask me', commands: commandsFor(input.roles), reply: REPLY_HELP };
}

/** The commands, one line each (sign-off and reports for chairs and admins; assign for admins). */
export function buildHelpCard(input: HelpCardInput): AdaptiveCard {
  return expandCard(template, helpCardData(input));
}
