import { AdaptiveCard as AcCard, SerializationContext } from 'adaptivecards/dist/adaptivecards.js';
import { PNG } from 'pngjs';
import type { AdaptiveCard } from '../../src/cards/render';

/** A JSON value found in a card, with where it was. */
export interface Found {
  path: string;
  value: unknown;
  /** The nearest enclosing object that has a `type` (the element holding the value). */
  owner: Record<string, unknown> | null;
}

/** Every value in a card, depth first, with its path and owning element. */
export function walk(card: unknown): Found[] {
  const out: Found[] = [];
  const visit = (value: unknown, path: string, owner: Record<string, unknown> | null): void => {
    out.push({ path, value, owner });
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, owner));
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const next = typeof record.type === 'string' ? record : owner;
      for (const [k, v] of Object.entries(record)) visit(v, `${path}.${k}`, next);
    }
  };
  visit(card, '$', null);
  return out;
}

/** Every element or action of a given type. */
export function ofType(card: unknown, type: string): Record<string, unknown>[] {
  return walk(card)
    .map((f) => f.value)
    .filter(
      (v): v is Record<string, unknown> =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        (v as { type?: unknown }).type === type,
    );
}

/** The text shown by every TextRun, joined: what a reader sees of literal text. */
export function textRuns(card: unknown): string[] {
  return ofType(card, 'TextRun').map((r) => String(r.text));
}

/** Every string value that holds `${`, with its path. */
export function expressionsLeft(card: unknown): Found[] {
  return walk(card).filter((f) => typeof f.value === 'string' && f.value.includes('${'));
}

/** Problems the Adaptive Cards library finds when it parses and validates the card. */
export function cardProblems(card: AdaptiveCard): string[] {
  const ac = new AcCard();
  const ctx = new SerializationContext();
  ac.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/** Size of the card as JSON text, in characters. */
export function jsonLength(card: AdaptiveCard): number {
  return JSON.stringify(card).length;
}

/** 80 KB: the most a card may weigh. */
export const CARD_LIMIT = 80 * 1024;

/**
 * Checks what every card must be: schema 1.5, accepted by the Adaptive Cards library without a
 * warning, under 80 KB, and with no template expression left unexpanded outside `allowed` text.
 */
export function expectSoundCard(card: AdaptiveCard, allowed: readonly string[] = []): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  expect(cardProblems(card)).toEqual([]);
  expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
  const leftovers = expressionsLeft(card).filter(
    (f) => !allowed.some((text) => String(f.value).includes(text)),
  );
  expect(leftovers.map((f) => `${f.path}: ${String(f.value)}`)).toEqual([]);
}

/** Element types able to render markdown: user text must never be found in them. */
const MARKDOWN_TYPES = new Set(['TextBlock', 'Fact', 'FactSet']);

/**
 * Asserts that `text` is shown literally: present in a TextRun exactly as given, and never in an
 * element that renders markdown.
 */
export function expectLiteral(card: AdaptiveCard, text: string): void {
  const holders = walk(card).filter((f) => typeof f.value === 'string' && f.value.includes(text));
  expect(holders.length).toBeGreaterThan(0);
  const inMarkdown = holders.filter((f) => MARKDOWN_TYPES.has(String(f.owner?.type)));
  expect(inMarkdown.map((f) => f.path)).toEqual([]);
  expect(textRuns(card).some((t) => t.includes(text))).toBe(true);
}

/** Every Action.Execute of the card. */
export function executeActions(card: AdaptiveCard): Record<string, unknown>[] {
  return ofType(card, 'Action.Execute');
}

/** The `data` of each Action.Execute. */
export function executeData(card: AdaptiveCard): Record<string, unknown>[] {
  return executeActions(card).map((a) => a.data as Record<string, unknown>);
}

/** Ids of every input of the card. */
export function inputIdsOf(card: AdaptiveCard): string[] {
  return walk(card)
    .map((f) => f.value)
    .filter(
      (v): v is Record<string, unknown> =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { type?: unknown }).type === 'string' &&
        String((v as { type: string }).type).startsWith('Input.'),
    )
    .map((v) => String(v.id));
}

/** All the text a reader sees (TextBlocks and TextRuns), joined by new lines. */
export function visibleText(card: unknown): string {
  return walk(card)
    .map((f) => f.value as { type?: unknown; text?: unknown })
    .filter(
      (v) =>
        typeof v === 'object' && v !== null && (v.type === 'TextBlock' || v.type === 'TextRun'),
    )
    .map((v) => String(v.text))
    .join('\n');
}

/** The commands a help or welcome card lists (shown in a monospace font). */
export function commandsOf(card: AdaptiveCard): string[] {
  return ofType(card, 'TextRun')
    .filter((r) => r.fontType === 'Monospace')
    .map((r) => String(r.text));
}

/** The colour ("#2E9440") of a one-pixel PNG data URI, as drawn. */
export function pngColour(uri: string): string {
  const png = PNG.sync.read(Buffer.from(uri.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const hex = (n: number): string => n.toString(16).padStart(2, '0').toUpperCase();
  return `#${hex(png.data[0])}${hex(png.data[1])}${hex(png.data[2])}`;
}

/** The bars of a chart: columns drawn with a background image, as colour and weight. */
export function barsOf(card: AdaptiveCard): [string, number][] {
  return ofType(card, 'Column')
    .filter((c) => c.backgroundImage !== undefined)
    .map((c) => [pngColour((c.backgroundImage as { url: string }).url), Number(c.width)]);
}

/**
 * Asserts that no text of the card relies on a theme colour: Teams' "good" and "warning" text
 * colours fail contrast on its light theme and "attention" on its dark one.
 */
export function expectDefaultTextColours(card: AdaptiveCard): void {
  const coloured = walk(card).filter(
    (f) => f.path.endsWith('.color') && f.value !== 'default' && f.value !== undefined,
  );
  expect(coloured.map((f) => `${f.path}: ${String(f.value)}`)).toEqual([]);
}
