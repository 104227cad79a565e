import { findTitleBreaks, startsWithTitle, titleTokens } from './post-titles';

// Always separate posts: semicolons, bars and bullets are never part of a title.
const HARD_SEPARATOR = /[;|\u2022\u25aa\u25cf]/;
const EDGE_JOINERS =
  /^(?:\s|,|\/|&|\+|-|\u2013|\u2014|\band\b)+|(?:\s|,|\/|&|\+|-|\u2013|\u2014|\band\b)+$/gi;
const NOT_A_POST = /^(?:n\/?a|none|nil|-+)$/i;
// A line ending like this, or a next line starting like this, is one title wrapped over lines.
const ENDS_MID_TITLE = /(?:\b(?:of|and|for|the|to|in|on|at|with)|[&,/+\-\u2013])$/i;
const STARTS_MID_TITLE = /^(?:[a-z(]|and\b|&|of\b|for\b)/;
// Words found in post titles; a line with none of them is the end of a title that wrapped.
const ROLE_WORD =
  /\b(?:manager|officer|director|head|chief|leader|lead|clerk|chair|chairman|chairperson|member|executive|co-?ordinator|advis[eo]r|administrator|assistant|deputy|controller|engineer|solicitor|accountant|auditor|analyst|planner|surveyor|inspector|consultant|specialist|supervisor|team|unit|councillor|cllr|mayor|secretary|treasurer|partner|board|panel|committee|group|champion|holder|practitioner|commissioner|registrar|s\.?151|151)\b/i;

/** Tidies a post title: single spaces, no separators or stray punctuation at either end. */
export function normalisePost(post: string): string {
  return post
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,;:/&+\-\u2013\u2014\u2022]+/, '')
    .replace(/[\s.,;:/&+\-\u2013\u2014]+$/, '');
}

const postKey = (post: string): string =>
  normalisePost(post).toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();

/** True when two post titles name the same post, ignoring case, spacing and "&" for "and". */
export function samePost(a: string, b: string): boolean {
  return postKey(a) === postKey(b);
}

/** Joins lines that are one title wrapped over lines; the rest are separate posts. */
function cellLines(cell: string): string[] {
  const lines = cell
    .split(/\r\n|\n|\r|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.length > 0 ? joined[joined.length - 1] : null;
    const continues =
      previous !== null &&
      !startsWithTitle(line, true) &&
      (ENDS_MID_TITLE.test(previous) || STARTS_MID_TITLE.test(line) || !ROLE_WORD.test(line));
    if (continues) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined.flatMap((line) => line.split(HARD_SEPARATOR)).flatMap(splitSlashes);
}

const INITIALS = /^[A-Z]{2,4}$/;

/**
 * Splits on "/" only where every side is a post of its own: all initials ("LT/BR") or all titles
 * ("Policy Officer/Scrutiny Officer"). "Head of HR/OD" is one post.
 */
function splitSlashes(line: string): string[] {
  if (/\([^)]*\//.test(line)) return [line];
  const pieces = line.split('/').map((p) => p.trim());
  if (pieces.length < 2 || pieces.some((p) => p === '')) return [line];
  if (pieces.every((p) => INITIALS.test(p)) || pieces.every((p) => ROLE_WORD.test(p)))
    return pieces;
  return [line];
}

/** Splits text that holds no known post at the places where a new title starts. */
function splitByPattern(text: string): string[] {
  const breaks = findTitleBreaks(text);
  const pieces: string[] = [];
  let from = 0;
  for (const { cut, resume } of breaks) {
    pieces.push(text.slice(from, cut));
    from = resume;
  }
  pieces.push(text.slice(from));
  return pieces;
}

interface Claim {
  start: number;
  end: number;
  post: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function knownPostPattern(post: string): RegExp {
  const words = normalisePost(post)
    .split(/\s+/)
    .map((word) => (/^(?:&|and)$/i.test(word) ? '(?:&|and)' : escape(word)));
  return new RegExp(`(?<![\\w])${words.join('\\s*')}(?![\\w])`, 'gi');
}

/**
 * A known post found in the text only counts when it is a whole title: not inside brackets, not
 * the tail of a longer title ("Assistant Director of Finance"), and followed by nothing, a
 * separator or another title ("Head of Marketing" is not a post in "Head of Marketing and
 * Communications").
 */
function isWholeTitle(text: string, start: number, end: number, known: string[]): boolean {
  const before = text.slice(0, start);
  if ((before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length) return false;
  const previous = titleTokens(before).at(-1);
  if (previous && previous.kind === 'word' && !previous.joiner && previous.extends) return false;
  const after = text.slice(end).trim();
  if (after === '') return true;
  const joiner = after.match(/^(?:,|\/|&|\+|-|\u2013|and\b)\s*/i);
  const rest = joiner ? after.slice(joiner[0].length) : after;
  if (rest === '') return true;
  const knownNext = known.some((post) =>
    rest.toLowerCase().startsWith(normalisePost(post).toLowerCase()),
  );
  return knownNext || startsWithTitle(rest, joiner !== null);
}

function claimKnownPosts(text: string, known: string[]): Claim[] {
  const claims: Claim[] = [];
  for (const post of known) {
    for (const match of text.matchAll(knownPostPattern(post))) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (claims.some((c) => start < c.end && end > c.start)) continue;
      if (isWholeTitle(text, start, end, known))
        claims.push({ start, end, post: normalisePost(post) });
    }
  }
  return claims.sort((a, b) => a.start - b.start);
}

function splitLine(line: string, known: string[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const claim of claimKnownPosts(line, known)) {
    pieces.push(...splitByPattern(line.slice(from, claim.start).replace(EDGE_JOINERS, '')));
    pieces.push(claim.post);
    from = claim.end;
  }
  pieces.push(...splitByPattern(line.slice(from).replace(EDGE_JOINERS, '')));
  return pieces;
}

/**
 * Splits an owner cell into post titles. Cells often hold several posts run together ("Head of A
 * Head of B", "Head of A and Head of B", one per line): posts from the people directory are
 * matched first, longest first, and keep the directory's spelling; the rest is split where a new
 * title starts. Order is kept; blanks and repeats are dropped.
 */
export function splitOwners(cell: string, knownPosts: string[] = []): string[] {
  const known = knownPosts
    .map(normalisePost)
    .filter((post) => post !== '')
    .sort((a, b) => b.length - a.length);
  const owners: string[] = [];
  for (const line of cellLines(cell)) {
    for (const piece of splitLine(line, known)) {
      const post = normalisePost(piece.replace(EDGE_JOINERS, ''));
      if (post === '' || NOT_A_POST.test(post)) continue;
      if (!owners.some((owner) => samePost(owner, post))) owners.push(post);
    }
  }
  return owners;
}
