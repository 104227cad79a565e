/** A word or separator of an owner cell, with where it sits in the text. */
export interface TitleToken {
  kind: 'word' | 'separator';
  lower: string;
  start: number;
  end: number;
  /** Inside brackets, where a new title never starts ("Head of Finance (Section 151 Officer)"). */
  bracketed: boolean;
  /** "and", "&", ",", "/": may join two titles. */
  joiner: boolean;
  /** A word a title can follow without starting a new post ("Assistant", "Deputy", "to", "of"). */
  extends: boolean;
}

/**
 * Phrases that begin a post title. `leading` ones start a new post wherever they appear; the
 * others usually end a title ("Finance Manager", "Parish Clerk"), so they only start a new post
 * after "and", "&", "," or "/".
 */
const TITLE_STARTS: { words: string[]; leading: boolean }[] = [
  ...[
    'head of',
    'director of',
    'assistant director',
    'deputy director',
    'deputy chief executive',
    'assistant chief executive',
    'chief executive',
    'chief officer',
    'chief finance officer',
    'monitoring officer',
    'section 151 officer',
    's151 officer',
    's.151 officer',
    'corporate director',
    'strategic director',
    'executive director',
    'service director',
    'cabinet member',
    'executive member',
    'portfolio holder',
    'leader of the council',
    'council leader',
    'deputy leader',
    'chair of',
    'vice chair of',
    'vice-chair of',
    'chairman of',
    'clerk to',
    'clerk of',
  ].map((phrase) => ({ words: phrase.split(' '), leading: true })),
  ...[
    'service manager',
    'manager',
    'team leader',
    'lead officer',
    'director',
    'clerk',
    'chair',
  ].map((phrase) => ({ words: phrase.split(' '), leading: false })),
].sort((a, b) => b.words.length - a.words.length);

const JOINERS = new Set(['and', '&', ',', '/', '+', '-', '\u2013', '\u2014', 'plus']);
const MODIFIERS = new Set([
  'acting',
  'interim',
  'deputy',
  'assistant',
  'senior',
  'principal',
  'associate',
  'joint',
  'temporary',
  'vice',
]);
const BLOCKERS = new Set([
  'of',
  'for',
  'to',
  'the',
  'a',
  'an',
  'with',
  'from',
  'by',
  'as',
  'at',
  'in',
  'on',
]);

/** Splits text into words and separators, noting which sit inside brackets. */
export function titleTokens(text: string): TitleToken[] {
  const tokens: TitleToken[] = [];
  let depth = 0;
  for (const match of text.matchAll(/[^\s,;/&()|+]+|[,;/&()|+]/g)) {
    const raw = match[0];
    if (raw === '(') depth++;
    const lower = raw.toLowerCase();
    const start = match.index ?? 0;
    tokens.push({
      kind: /^[,;/&()|+]$/.test(raw) ? 'separator' : 'word',
      lower,
      start,
      end: start + raw.length,
      bracketed: depth > 0,
      joiner: JOINERS.has(lower),
      extends: MODIFIERS.has(lower) || BLOCKERS.has(lower),
    });
    if (raw === ')') depth = Math.max(0, depth - 1);
  }
  return tokens;
}

function titleStartAt(
  tokens: TitleToken[],
  at: number,
): { length: number; leading: boolean } | null {
  const found = TITLE_STARTS.find(({ words }) =>
    words.every((word, n) => tokens[at + n]?.kind === 'word' && tokens[at + n].lower === word),
  );
  return found ? { length: found.words.length, leading: found.leading } : null;
}

/**
 * True when the text begins with a post title (after any "Acting", "Deputy" …). Titles that
 * usually end a post ("Manager") count only when `afterSeparator` says something came before.
 */
export function startsWithTitle(text: string, afterSeparator = false): boolean {
  const tokens = titleTokens(text);
  let at = 0;
  while (tokens[at] && MODIFIERS.has(tokens[at].lower)) at++;
  const start = titleStartAt(tokens, at);
  return start !== null && (start.leading || afterSeparator);
}

/**
 * The places where a new post title starts inside the text: the previous post ends at `cut`
 * (a joining "and", "&" or "," is dropped) and the next resumes at `resume`.
 */
export function findTitleBreaks(text: string): { cut: number; resume: number }[] {
  const tokens = titleTokens(text);
  const breaks: { cut: number; resume: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start =
      tokens[i].kind === 'word' && !tokens[i].bracketed ? titleStartAt(tokens, i) : null;
    if (!start) {
      i++;
      continue;
    }
    // "Acting Head of Audit" starts at "Acting", not at "Head".
    let first = i;
    while (first > 0 && MODIFIERS.has(tokens[first - 1].lower)) first--;
    let end = first;
    // "… and the Monitoring Officer": the article belongs to the joining words.
    if (end >= 2 && tokens[end - 1].lower === 'the' && tokens[end - 2].joiner) end--;
    while (end > 0 && tokens[end - 1].joiner) end--;
    const joined = end < first && tokens.slice(end, first).some((t) => t.joiner);
    const blocked = !joined && first > 0 && BLOCKERS.has(tokens[first - 1].lower);
    if (end > 0 && !blocked && (start.leading || joined)) {
      breaks.push({ cut: tokens[end - 1].end, resume: tokens[first].start });
    }
    i += start.length;
  }
  return breaks;
}
