import type { PdfPage, PdfRule, PdfText } from './pdf-extract';

/** Text runs that share a baseline, left to right. */
export interface PdfLine {
  page: number;
  y: number;
  top: number;
  h: number;
  texts: PdfText[];
}

/** Groups a page's text runs into lines by baseline, top to bottom. */
export function pageLines(page: PdfPage): PdfLine[] {
  const texts = [...page.texts].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: PdfLine[] = [];
  for (const text of texts) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(text.y - line.y) <= Math.max(1.5, 0.3 * Math.min(text.h, line.h))) {
      line.texts.push(text);
      line.h = Math.max(line.h, text.h);
      line.top = Math.min(line.top, text.y - text.h);
    } else
      lines.push({ page: page.number, y: text.y, top: text.y - text.h, h: text.h, texts: [text] });
  }
  for (const line of lines) line.texts.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** A line's runs joined into chunks where the gap between them is no more than a few spaces. */
export function lineChunks(
  line: PdfLine,
): { text: string; x0: number; x1: number; font: string }[] {
  const chunks: { text: string; x0: number; x1: number; font: string }[] = [];
  for (const t of line.texts) {
    const last = chunks[chunks.length - 1];
    if (last && t.x0 - last.x1 <= 0.8 * line.h) {
      const space = t.x0 - last.x1 > 0.15 * line.h && !/\s$/.test(last.text) ? ' ' : '';
      last.text = `${last.text}${space}${t.text}`;
      last.x1 = Math.max(last.x1, t.x1);
    } else chunks.push({ text: t.text, x0: t.x0, x1: t.x1, font: t.font });
  }
  return chunks;
}

/** Joins a cell's runs on one line with single spaces where they were apart. */
export function joinRuns(texts: PdfText[], h: number): string {
  let out = '';
  let end = -Infinity;
  for (const t of texts) {
    const gap = t.x0 - end;
    out +=
      out !== '' && gap > 0.15 * h && !/\s$/.test(out) && !/^\s/.test(t.text)
        ? ` ${t.text}`
        : t.text;
    end = t.x1;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Horizontal and vertical ruling lines of a page, merged where they touch. */
export function splitRules(rules: PdfRule[]): { horizontal: PdfRule[]; vertical: PdfRule[] } {
  return {
    horizontal: rules.filter((r) => r.y0 === r.y1).sort((a, b) => a.y0 - b.y0),
    vertical: rules.filter((r) => r.x0 === r.x1).sort((a, b) => a.x0 - b.x0),
  };
}
