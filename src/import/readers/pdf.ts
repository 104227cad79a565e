import { matchHeadings, missingRoles, type ColumnMap } from '../headings';
import { leadingRef } from '../refs';
import { ImportError } from '../types';
import { extractPdf, type PdfPage, type PdfRule } from './pdf-extract';
import { joinRuns, lineChunks, pageLines, splitRules, type PdfLine } from './pdf-lines';
import type { RawGrid, RawRow, ReaderOptions } from './raw-grid';

interface PageText {
  page: PdfPage;
  lines: PdfLine[];
  horizontal: PdfRule[];
  vertical: PdfRule[];
}

interface Heading {
  pageIndex: number;
  line: number;
  /** Lines the heading takes (a heading cell may wrap). */
  count: number;
  cells: { text: string; x0: number; x1: number }[];
  columns: ColumnMap;
}

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$/i;

function bandCells(lines: PdfLine[]): { text: string; x0: number; x1: number }[] {
  const cells: { text: string; x0: number; x1: number }[] = [];
  for (const line of lines) {
    for (const chunk of lineChunks(line)) {
      const cell = cells.find((c) => chunk.x0 < c.x1 + 2 && chunk.x1 > c.x0 - 2);
      if (cell) {
        cell.text = `${cell.text} ${chunk.text}`;
        cell.x0 = Math.min(cell.x0, chunk.x0);
        cell.x1 = Math.max(cell.x1, chunk.x1);
      } else cells.push({ ...chunk });
    }
  }
  return cells.sort((a, b) => a.x0 - b.x0);
}

const fonts = (line: PdfLine): Set<string> => new Set(line.texts.map((t) => t.font));

// A rule between two lines, across most of their width, parts them.
const ruledApart = (page: PageText, a: PdfLine, b: PdfLine): boolean =>
  page.horizontal.some((r) => r.y0 > a.y + 1 && r.y0 < b.top + 1 && r.x1 - r.x0 > 50);

function headingAt(page: PageText, index: number): Omit<Heading, 'pageIndex'> | null {
  let best: Omit<Heading, 'pageIndex'> | null = null;
  const first = fonts(page.lines[index]);
  for (let count = 1; count <= 3 && index + count <= page.lines.length; count++) {
    const band = page.lines.slice(index, index + count);
    const last = band[band.length - 1];
    if (count > 1) {
      const previous = band[band.length - 2];
      if (last.top - previous.y > 1.2 * last.h || ruledApart(page, previous, last)) break;
    }
    const cells = bandCells(band);
    const columns = matchHeadings(cells.map((c) => c.text));
    if (missingRoles(columns).length > 0) continue;
    // A heading set in its own font (usually bold) is only as deep as that font goes.
    const sameFont = [...fonts(last)].every((f) => first.has(f));
    if (best && !sameFont) break;
    best = { line: index, count, cells, columns };
  }
  return best;
}

function findHeading(pages: PageText[]): Heading | null {
  for (let p = 0; p < pages.length; p++) {
    for (let i = 0; i < pages[p].lines.length; i++) {
      const found = headingAt(pages[p], i);
      if (found) return { pageIndex: p, ...found };
    }
  }
  return null;
}

/** Where each column starts: the ruling line before it, else the clearest gap in the text. */
function columnStarts(heading: Heading, page: PageText): number[] {
  const top = page.lines[heading.line].top;
  const bottom = page.lines[heading.line + heading.count - 1].y;
  const below = page.lines.slice(heading.line + heading.count).flatMap((l) => l.texts);
  const starts = [-Infinity];
  for (let j = 1; j < heading.cells.length; j++) {
    const left = heading.cells[j - 1].x1;
    const right = heading.cells[j].x0;
    const rule = page.vertical
      .filter((r) => r.x0 >= left - 1 && r.x0 <= right + 1 && r.y0 <= top + 2 && r.y1 >= bottom - 2)
      .sort((a, b) => b.x0 - a.x0)[0];
    if (rule) {
      starts.push(rule.x0);
      continue;
    }
    let bestX = right - 0.5;
    let fewest = Infinity;
    for (let x = left; x <= right; x += 0.5) {
      const crossing = below.filter((t) => t.x0 < x && t.x1 > x).length;
      if (crossing <= fewest) {
        fewest = crossing;
        bestX = x;
      }
    }
    starts.push(bestX);
  }
  return starts;
}

const columnOf = (starts: number[], x: number): number => {
  let column = 0;
  for (let j = 1; j < starts.length; j++) if (x + 1 >= starts[j]) column = j;
  return column;
};

// A line of text running across a column boundary is not part of the table (a heading above
// it, a footnote or a key below, a running header).
function crossesColumns(line: PdfLine, starts: number[]): boolean {
  return lineChunks(line).some((chunk) =>
    starts.slice(1).some((s) => chunk.x0 < s - 6 && chunk.x1 > s + 6),
  );
}

interface TableLine {
  line: PdfLine;
  cells: string[];
  /** Where each cell's text ends on this line. */
  ends: number[];
}

function tableLines(
  page: PageText,
  from: number,
  starts: number[],
  headingText: string,
  headingLines: number,
): TableLine[] {
  const out: TableLine[] = [];
  let start = from;
  // A heading repeated at the top of a continuation page: the table starts below it.
  if (from === 0) {
    const repeat = page.lines.findIndex(
      (l) =>
        lineChunks(l)
          .map((c) => c.text)
          .join(' ') === headingText,
    );
    if (repeat >= 0) start = repeat + headingLines;
  }
  const bottomRule =
    page.horizontal.length > 0 ? page.horizontal[page.horizontal.length - 1].y0 : null;
  for (let i = start; i < page.lines.length; i++) {
    const line = page.lines[i];
    const text = line.texts
      .map((t) => t.text)
      .join(' ')
      .trim();
    if (PAGE_NUMBER.test(text)) continue;
    if (crossesColumns(line, starts)) {
      if (out.length === 0) continue;
      break;
    }
    const previous = out[out.length - 1];
    // Below the table's last rule, or well apart from it: a key, footnotes, signatures.
    if (previous && bottomRule !== null && line.top > bottomRule && previous.line.y < bottomRule)
      break;
    if (previous && bottomRule === null && line.top - previous.line.y > 4 * line.h) break;
    const cells = starts.map(() => [] as typeof line.texts);
    for (const t of line.texts) cells[columnOf(starts, t.x0)].push(t);
    out.push({
      line,
      cells: cells.map((c) => joinRuns(c, line.h)),
      ends: cells.map((c) => Math.max(-Infinity, ...c.map((t) => t.x1))),
    });
  }
  return out;
}

function groupRows(
  lines: TableLine[],
  page: PageText,
  key: number,
  refColumn: boolean,
): TableLine[][] {
  const rules = page.horizontal.filter((r) => r.x1 - r.x0 > 50).map((r) => r.y0);
  const rows: TableLine[][] = [];
  lines.forEach((tl, i) => {
    const keyText = tl.cells[key];
    const previous = lines[i - 1];
    let starts: boolean;
    if (!previous) starts = true;
    else if (rules.length > 1)
      starts = rules.some((y) => y > previous.line.y && y < tl.line.top + 1);
    else if (keyText === '') starts = false;
    else if (refColumn || leadingRef(keyText) !== null) starts = true;
    else starts = tl.line.top - previous.line.y > 0.6 * tl.line.h;
    if (starts) rows.push([tl]);
    else rows[rows.length - 1].push(tl);
  });
  return rows;
}

/**
 * A cell's lines joined: a line that stops well short of the column's edge ended a paragraph or
 * an item (kept as a line break); one that reaches the edge was wrapped (joined with a space, or
 * with nothing after a hyphen).
 */
function rowCells(lines: TableLine[], rights: number[]): string[] {
  return rights.map((right, j) => {
    let text = '';
    let previous: TableLine | null = null;
    for (const tl of lines) {
      const cell = tl.cells[j];
      if (cell === '') continue;
      if (previous === null) text = cell;
      else {
        const firstWord = cell.split(' ')[0];
        const room = right - previous.ends[j];
        const wrapped = room < (firstWord.length * 0.5 + 0.3) * tl.line.h;
        if (!wrapped) text += `\n${cell}`;
        else text += /[-\u2010]$/.test(text) ? cell : ` ${cell}`;
      }
      previous = tl;
    }
    return text;
  });
}

// Running headers and footers ("Agenda Item 7", "Page 3 of 9") repeat at the same height on every
// page; they are neither the title nor part of the table.
function withoutRunningText(pages: PdfPage[]): PdfPage[] {
  if (pages.length < 2) return pages;
  const key = (l: PdfLine): string => `${Math.round(l.y)}|${joinRuns(l.texts, l.h)}`;
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const k of new Set(pageLines(page).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return pages.map((page) => {
    const running = new Set(
      pageLines(page)
        .filter((l) => (seen.get(key(l)) ?? 0) > 1)
        .filter((l) => l.y < 0.12 * page.height || l.y > 0.88 * page.height)
        .flatMap((l) => l.texts),
    );
    return running.size === 0
      ? page
      : { ...page, texts: page.texts.filter((t) => !running.has(t)) };
  });
}

function allLinesGrid(pages: PageText[]): RawGrid {
  return {
    preamble: [],
    rows: pages.flatMap((p) =>
      p.lines.map((line, i) => ({
        cells: lineChunks(line).map((c) => c.text),
        location: `page ${p.page.number}, line ${i + 1}`,
      })),
    ),
  };
}

/**
 * Reads a published PDF's plan table by the position of its text: the heading row (which may
 * wrap over lines) gives the columns, ruling lines or the gaps between columns give their edges,
 * ruling lines or line spacing and refs give the rows, and a row split by a page break is joined
 * again. The table may continue over later pages, with or without its heading repeated; text
 * across the columns (titles, keys, footnotes) is not part of it.
 */
export async function readPdf(
  buffer: Buffer,
  file: string,
  options: ReaderOptions = {},
): Promise<RawGrid> {
  const extracted = await extractPdf(buffer, file, options.pages);
  if (extracted.pages.every((p) => p.texts.length === 0)) {
    throw new ImportError(
      file,
      options.pages ? `pages ${options.pages.from}-${options.pages.to}` : null,
      'has no text to read: it looks like a scan (pictures of pages); expected a PDF saved from Word or a similar program, or the plan as .docx, .xlsx or text',
    );
  }
  const pages: PageText[] = withoutRunningText(extracted.pages).map((page) => ({
    page,
    lines: pageLines(page),
    ...splitRules(page.rules),
  }));
  const heading = findHeading(pages);
  if (!heading) return allLinesGrid(pages);
  const first = pages[heading.pageIndex];
  const starts = columnStarts(heading, first);
  const headingText = lineChunks(first.lines[heading.line])
    .map((c) => c.text)
    .join(' ');
  const key =
    heading.columns.ref ?? heading.columns.recommendation ?? heading.columns.proposedAction ?? 0;
  const refColumn = heading.columns.ref !== undefined;
  const rows: RawRow[] = [
    {
      cells: heading.cells.map((c) => c.text),
      location: `page ${first.page.number}, line ${heading.line + 1}`,
    },
  ];
  for (let p = heading.pageIndex; p < pages.length; p++) {
    const page = pages[p];
    const from = p === heading.pageIndex ? heading.line + heading.count : 0;
    const lines = tableLines(page, from, starts, headingText, heading.count);
    const rights = starts.map((_, j) =>
      j + 1 < starts.length
        ? starts[j + 1] - 4
        : Math.max(...lines.map((l) => (Number.isFinite(l.ends[j]) ? l.ends[j] : -Infinity)), 0),
    );
    groupRows(lines, page, key, refColumn).forEach((group, n) => {
      const cells = rowCells(group, rights);
      const last = rows[rows.length - 1];
      // The first row on a later page with nothing in its key column continues the row above.
      if (n === 0 && p > heading.pageIndex && cells[key] === '' && rows.length > 1) {
        last.cells = last.cells.map((c, j) => [c, cells[j]].filter((x) => x !== '').join('\n'));
        return;
      }
      rows.push({ cells, location: `page ${page.page.number}, row ${n + 1}` });
    });
  }
  const preamble = first.lines.slice(0, heading.line).map((l) => joinRuns(l.texts, l.h));
  return { preamble, rows };
}
