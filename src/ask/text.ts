/**
 * Question text made comparable: lower case, curly quotes straightened, possessives and
 * punctuation dropped (apart from the dots and slashes inside references and dates).
 */
export function normaliseQuestion(text: string): string {
  return ` ${text} `
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d"]/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/[\u2013\u2014]/g, ' ')
    .replace(/(\w)'s\b/g, '$1s')
    .replace(/(\w)s'(?=\s)/g, '$1s')
    .replace(/n't\b/g, ' not')
    .replace(/\b(has|have|is|are|do|does|did|was|were|had)nt\b/g, '$1 not')
    .replace(
      /\b(won|can|don)t\b/g,
      (_, w: string) => `${w === 'won' ? 'will' : w === 'can' ? 'can' : 'do'} not`,
    )
    .replace(/'/g, '')
    .replace(/[^a-z0-9./# ]+/g, ' ')
    .replace(/(?<!\d)[./](?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a normalised question. */
export function wordsOf(normalised: string): string[] {
  return normalised.split(' ').filter((w) => w !== '');
}

/**
 * Words that never name a plan, a service or a person: everyday English and the words people
 * use to ask about plans. Plan matching ignores them, so "how is the plan going" names no plan.
 */
export const QUESTION_WORDS = new Set(
  (
    'a about above after again against all am an and any anything anyone are as at be been before ' +
    'being below between both but by can could did do does doing done down during each few for ' +
    'from further had has have having he her here hers him his how i if in into is it its itself ' +
    'just me more most my no nor not now of off on once only or other our out over own please ' +
    'same she should so some something such than that the their them then there these they this ' +
    'those through to too under until up very was we were what whats when where which while who ' +
    'whom whos why will with would you your yours hi hello hey thanks thank cheers tell show give ' +
    'let know see get got going go gone look looking list lists any anybody everything ' +
    'plan plans action actions item items rec recs recommendation recommendations progress ' +
    'position summary update updates updated updating overdue late latest due deadline deadlines ' +
    'soon track risk red amber green status state complete completed completion finished ' +
    'outstanding open closed changed change changes moved since last next week weeks month ' +
    'months year years today yesterday tomorrow meeting meetings committee doing well ok okay ' +
    'much many number quick quickly whole overall bit still yet already again also owned owns ' +
    'own responsible assigned lot team people person someone anybody whose everyone every one ' +
    'ones thing things stuff need needs want wanted wondering wonder could might may shall ' +
    'sorry quite really currently current fine like kind sort please pls plz stand stands ' +
    'currently report reporting happening happened going on where are we our council post ' +
    'service services here channel monday tuesday wednesday thursday friday weekly before ahead stop'
  ).split(' '),
);
