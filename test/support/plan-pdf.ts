import { writeFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';

/** How a plan table is laid out in a PDF, as councils' agenda packs do it. */
export interface PdfPlanLayout {
  /** Lines above the table on its first page (title, committee, date). */
  preamble: string[];
  headings: string[];
  rows: string[][];
  /** Column widths in points; they fill the page width when left out. */
  widths?: number[];
  /** Draw cell borders (ruling lines); otherwise the table is laid out by spacing alone. */
  ruled?: boolean;
  /** Repeat the heading row at the top of each page. */
  repeatHeading?: boolean;
  landscape?: boolean;
  /** Lines under the table (a key, footnotes). */
  footer?: string[];
  fontSize?: number;
  /** Text in the page's top margin on every page (a running header). */
  runningHeader?: string;
  /** Print page numbers at the foot of each page. */
  pageNumbers?: boolean;
  /** Protect the PDF with a password needed to open it. */
  password?: string;
  /** Draw the table as shapes only, with no text layer (as a scanned page is). */
  noText?: boolean;
}

const MARGIN = 40;
const PAD = 4;

/** Writes a plan table as a PDF with pdfkit, a row never split over pages; returns the bytes. */
export async function planPdf(layout: PdfPlanLayout): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: layout.landscape ? 'landscape' : 'portrait',
    margin: MARGIN,
    bufferPages: true,
    ...(layout.password ? { userPassword: layout.password } : {}),
  });
  if (layout.noText) {
    doc.rect(MARGIN, MARGIN, 300, 400).fill('#888888');
    doc.end();
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  if (layout.noText)
    return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const size = layout.fontSize ?? 9;
  const usable = doc.page.width - 2 * MARGIN;
  const widths =
    layout.widths ?? layout.headings.map(() => Math.floor(usable / layout.headings.length));
  const bottom = doc.page.height - MARGIN - 30;
  let y = MARGIN;
  if (layout.runningHeader) {
    doc.font('Helvetica').fontSize(8).text(layout.runningHeader, MARGIN, 20, { lineBreak: false });
  }
  doc.font('Helvetica-Bold').fontSize(12);
  for (const line of layout.preamble) {
    doc.text(line, MARGIN, y, { width: usable });
    y = doc.y + 4;
  }
  y += 8;
  const rowHeight = (cells: string[], font: string): number => {
    doc.font(font).fontSize(size);
    return (
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * PAD })),
      ) +
      2 * PAD
    );
  };
  const drawRow = (cells: string[], font: string): void => {
    const height = rowHeight(cells, font);
    let x = MARGIN;
    doc.font(font).fontSize(size);
    cells.forEach((cell, i) => {
      if (layout.ruled) doc.lineWidth(0.5).rect(x, y, widths[i], height).stroke();
      doc.text(cell, x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
      x += widths[i];
    });
    y += height + (layout.ruled ? 0 : 6);
  };
  const newPage = (): void => {
    doc.addPage();
    y = MARGIN;
    if (layout.runningHeader) {
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(layout.runningHeader, MARGIN, 20, { lineBreak: false });
    }
    if (layout.repeatHeading) drawRow(layout.headings, 'Helvetica-Bold');
  };
  drawRow(layout.headings, 'Helvetica-Bold');
  for (const row of layout.rows) {
    if (y + rowHeight(row, 'Helvetica') > bottom) newPage();
    drawRow(row, 'Helvetica');
  }
  if (layout.footer) {
    y += 18;
    doc.font('Helvetica').fontSize(8);
    for (const line of layout.footer) {
      if (y > bottom) newPage();
      doc.text(line, MARGIN, y, { width: usable });
      y = doc.y + 2;
    }
  }
  if (layout.pageNumbers) {
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(i);
      doc.font('Helvetica').fontSize(8);
      doc.text(String(i + 1), doc.page.width / 2, doc.page.height - MARGIN, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}

/** Writes {@link planPdf} to a file. */
export async function writePlanPdf(layout: PdfPlanLayout, file: string): Promise<void> {
  await writeFile(file, await planPdf(layout));
}
