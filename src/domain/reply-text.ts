/** A short chat message that carries no news: thanks, or an acknowledgement such as "ok". */
export type SmallTalk = 'thanks' | 'acknowledgement';

const THANKS = new Set([
  'thanks',
  'thank',
  'thankyou',
  'thx',
  'ty',
  'ta',
  'cheers',
  'appreciated',
  'appreciate',
]);

// Words that fill out a thanks or an acknowledgement. Words that could be news on their own
// ("done", "delayed", "all good") are left out on purpose, so such replies are still recorded.
const FILLER = new Set([
  ...THANKS,
  'you',
  'very',
  'much',
  'many',
  'a',
  'lot',
  'so',
  'again',
  'for',
  'the',
  'that',
  'this',
  'reminder',
  'help',
  'ok',
  'okay',
  'okey',
  'k',
  'kk',
  'noted',
  'sure',
  'will',
  'do',
  'got',
  'it',
  'understood',
  'right',
  'alright',
  'fine',
  'great',
  'brilliant',
  'perfect',
  'lovely',
  'cool',
  'nice',
  'good',
  'super',
  'excellent',
  'morning',
  'afternoon',
  'evening',
  'hi',
  'hello',
  'hey',
  'yes',
  'yeah',
  'yep',
  'no',
  'nope',
  'sorry',
  'bye',
  'goodbye',
]);

/** Longest message (in words) read as small talk; anything longer is taken as news. */
const SMALL_TALK_MAX_WORDS = 8;

/**
 * Tells a thanks ("Thanks!", "cheers") or an acknowledgement ("ok", "will do", "👍") from a
 * message that may be news. Only messages made wholly of such words count, so "ok, done" or
 * "thanks – slipped to June" are news (null). Empty text is null: there is nothing to answer.
 */
export function smallTalkOf(text: string): SmallTalk | null {
  const flat = text.toLowerCase().replace(/[\u2018\u2019']/g, '');
  if (flat.trim() === '') return null;
  const words = flat.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // Only emoji or punctuation ("👍", "?"): not news either.
  if (words.length === 0) return 'acknowledgement';
  if (words.length > SMALL_TALK_MAX_WORDS || !words.every((w) => FILLER.has(w))) return null;
  return words.some((w) => THANKS.has(w)) ? 'thanks' : 'acknowledgement';
}

// A reference as plans write them: "4", "12", "R2.3", "2a", "3-1".
const REF = String.raw`[a-z]{0,2}\d+(?:[.\-]\d+)*[a-z]?`;
const NAMED = new RegExp(
  String.raw`\b(?:actions?|recommendations?|recs?)\s*(?:no\.?|nos\.?|numbers?)?\s*#?\s*` +
    String.raw`(${REF}(?:\s*(?:,|&|\band\b)\s*#?\s*${REF})*)(?![\w])`,
  'gi',
);
const HASHED = new RegExp(String.raw`(?:^|[\s(])#(${REF})(?![\w])`, 'gi');
const ONE_REF = new RegExp(REF, 'gi');

/**
 * The action references a message names ("action 4", "actions 2 and 4", "recommendation R2.3",
 * "#4"), lower-cased, in the order written, each once. Bare numbers are not read as references:
 * "delayed 4 weeks" names no action.
 */
export function mentionedRefs(text: string): string[] {
  const found: string[] = [];
  const add = (ref: string): void => {
    const key = ref.toLowerCase();
    if (!found.includes(key)) found.push(key);
  };
  for (const match of text.matchAll(NAMED)) {
    for (const ref of match[1].match(ONE_REF) ?? []) add(ref);
  }
  for (const match of text.matchAll(HASHED)) add(match[1]);
  return found;
}

/** True when a reference named in a message is this action's (case and spacing aside). */
export function sameRef(mentioned: string, ref: string): boolean {
  return mentioned.toLowerCase() === ref.trim().toLowerCase();
}
