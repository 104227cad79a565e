import template from '../../cards/welcome.json';
import type { Person, Role } from '../domain/person';
import { clip, firstName, LINE_TEXT_MAX, listInWords } from './format';
import { commandsFor, REPLY_HELP, type CommandHelp } from './help-card';
import { expandCard, type AdaptiveCard } from './render';

/** Template data of `cards/welcome.json`. */
export interface WelcomeCardData {
  greeting: string;
  about: string;
  known: boolean;
  /** Posted to a channel or group chat: nothing about the person who installed it. */
  shared: boolean;
  facts: { label: string; value: string }[];
  canDo: { text: string }[];
  unknownText: string;
  adminContact: string;
  commands: CommandHelp[];
  reply: string;
}

/** What the welcome card is built from. */
export interface WelcomeCardInput {
  /** The person from the directory, or null when they are not in it. */
  person: Person | null;
  /** Who to ask to be added (a name, an email or a team). */
  adminContact: string;
  /** A channel or group chat: the welcome is for everyone there, so it names no one. */
  shared?: boolean;
}

const ROLE_WORDS: Record<Role, string> = {
  officer: 'officer',
  head: 'head of service',
  chair: 'chair',
  admin: 'admin',
};

/** Roles in words: "officer and head of service". */
export function rolesInWords(roles: readonly Role[]): string {
  return roles.length === 0 ? 'none yet' : listInWords(roles.map((r) => ROLE_WORDS[r]));
}

function canDo(person: Person): { text: string }[] {
  const lines: string[] = [];
  const has = (role: Role): boolean => person.roles.includes(role);
  if (has('officer') || person.posts.length > 0) {
    lines.push(
      'Update the actions your posts own, here or by replying in your own words. I’ll prompt you when one is due soon, due today, overdue or has had no update for a while.',
    );
  }
  if (has('head')) {
    const service = person.service?.trim() ? clip(person.service, LINE_TEXT_MAX) : 'your service';
    lines.push(`Get a weekly digest of the actions owned by posts in ${service}.`);
  }
  if (has('chair')) {
    lines.push('Ask for a summary of a plan, or for what is overdue, whenever you like.');
  }
  if (has('admin')) {
    lines.push('Import plans and assign posts to people.');
  }
  if (lines.length === 0) lines.push('Ask for help to see the commands.');
  return lines.map((text) => ({ text }));
}

/** Maps a person (or nobody) to the welcome card's data. */
export function welcomeCardData(input: WelcomeCardInput): WelcomeCardData {
  const { person } = input;
  const about =
    'I help keep the council’s action plans moving: I remind people when actions are due, record their updates and answer questions about progress.';
  const contact = clip(input.adminContact.trim() || 'your Teams administrator', LINE_TEXT_MAX);
  if (input.shared) {
    return {
      greeting: 'Hello, everyone',
      about,
      known: false,
      shared: true,
      facts: [],
      canDo: [],
      unknownText: '',
      adminContact: contact,
      commands: commandsFor([]),
      reply: REPLY_HELP,
    };
  }
  if (!person) {
    return {
      greeting: 'Hello',
      about,
      known: false,
      shared: false,
      facts: [],
      canDo: [],
      unknownText:
        'I can’t find you in the council’s directory, so I don’t know which actions are yours yet. Please ask ',
      adminContact: contact,
      commands: commandsFor([]),
      reply: REPLY_HELP,
    };
  }
  const facts = [
    { label: 'Name', value: clip(person.name, LINE_TEXT_MAX) },
    {
      label: person.posts.length === 1 ? 'Post' : 'Posts',
      value: person.posts.length === 0 ? 'none' : clip(listInWords(person.posts), 1000),
    },
  ];
  if (person.service?.trim())
    facts.push({ label: 'Service', value: clip(person.service, LINE_TEXT_MAX) });
  facts.push({ label: 'Roles', value: rolesInWords(person.roles) });
  return {
    greeting: `Hello, ${firstName(person.name)}`,
    about,
    known: true,
    shared: false,
    facts,
    canDo: canDo(person),
    unknownText: '',
    adminContact: contact,
    commands: commandsFor(person.roles),
    reply: REPLY_HELP,
  };
}

/**
 * The first message someone sees: who they are to the bot, what they can do and the commands; or,
 * for someone not in the directory, who to ask to be added.
 */
export function buildWelcomeCard(input: WelcomeCardInput): AdaptiveCard {
  return expandCard(template, welcomeCardData(input));
}
