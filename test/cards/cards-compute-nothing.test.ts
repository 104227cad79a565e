import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Cards map a model the domain has made ready; they never decide what is shown, in what order,
// or how late anything is. These patterns catch a card doing any of that itself.
const RULES: { what: string; pattern: RegExp }[] = [
  { what: 'sorts', pattern: /\.(?:sort|toSorted)\s*\(/ },
  { what: 'filters', pattern: /\.filter\s*\(/ },
  { what: 'uses luxon', pattern: /from\s+['"]luxon['"]/ },
  { what: 'makes or reads a date', pattern: /\bnew\s+Date\b|\bDate\s*\.\s*(?:now|parse|UTC)\b/ },
  { what: 'does date arithmetic', pattern: /\.(?:getTime|valueOf|getDate|setDate)\s*\(/ },
  { what: 'takes a clock', pattern: /\bnow\s*\??:\s*Date\b|\bnow\s*\(\s*\)/ },
  {
    what: 'works out dates, lateness or order with the domain',
    pattern:
      /\b(?:daysLate|daysLateOn|daysBetween|describeLateness|latenessOf|latenessOn|localDate|isOverdue|addDays|snoozeEnd|newestFirst|byUrgency|orderNudgeItems|overdueList|myActionsList|summarisePlan|nudgesDue|buildServiceDigest|buildPlanDigest)\s*\(/,
  },
];

/** Source without its comments (a comment may well say "sorted"). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** What a card source does that it should not, one entry per rule broken. */
function problemsIn(source: string): string[] {
  const text = code(source);
  return RULES.filter((r) => r.pattern.test(text)).map((r) => r.what);
}

const CARDS_SRC = path.join(__dirname, '../../src/cards');

describe('cards only map a ready model', () => {
  const files = (readdirSync(CARDS_SRC, { recursive: true }) as string[]).filter((f) =>
    f.endsWith('.ts'),
  );

  it('finds the card sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s neither sorts, filters nor computes dates', (file) => {
    expect(problemsIn(readFileSync(path.join(CARDS_SRC, file), 'utf8'))).toEqual([]);
  });

  it.each<[string, string]>([
    ['sorts', 'const shown = [...items].sort((a, b) => a.n - b.n);'],
    ['sorts', 'const shown = items.toSorted(byDate);'],
    ['filters', 'const open = items.filter((i) => i.status !== "complete");'],
    ['uses luxon', "import { DateTime } from 'luxon';"],
    ['makes or reads a date', 'const today = new Date();'],
    ['makes or reads a date', 'const due = Date.parse(action.due);'],
    ['does date arithmetic', 'const age = now.getTime() - then;'],
    ['takes a clock', 'export interface Input { items: Item[]; now: Date }'],
    ['works out dates, lateness or order with the domain', 'late: daysLate(action, now, tz),'],
    ['works out dates, lateness or order with the domain', 'words: describeLateness(a, n),'],
  ])('catches a card that %s', (what, line) => {
    expect(problemsIn(line)).toContain(what);
  });

  it('ignores the words in comments', () => {
    expect(problemsIn('// the domain has sorted them: .sort( is not ours\nconst a = 1;')).toEqual(
      [],
    );
    expect(problemsIn('/** new Date() is the caller’s */\nconst a = 1;')).toEqual([]);
  });
});
