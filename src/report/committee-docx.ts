import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { CommitteeReport, ReportRow } from '../domain/committee-report';
import type { Rag } from '../domain/status';

/** The MIME type of a Word document. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Fills light enough for black text to keep a contrast ratio well over 4.5:1; the status is
// always written in words too, so colour never carries the meaning alone.
const FILLS: Record<Rag, string | null> = {
  none: null,
  green: 'C6EFCE',
  amber: 'FFEB9C',
  red: 'FFC7CE',
  blue: 'BDD7EE',
};

const HEADINGS: { text: string; width: number }[] = [
  { text: 'Ref', width: 4 },
  { text: 'Recommendation', width: 16 },
  { text: 'Agreed action', width: 16 },
  { text: 'Lead officer (post)', width: 10 },
  { text: 'Original timescale', width: 9 },
  { text: 'Revised timescale', width: 9 },
  { text: 'Status', width: 9 },
  { text: 'Latest update', width: 18 },
  { text: 'Signed off on', width: 9 },
];

const cellText = (text: string, bold = false): Paragraph[] =>
  (text || '—')
    .split(/\r?\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));

function cell(
  text: string,
  width: number,
  options: { bold?: boolean; fill?: string | null } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: cellText(text, options.bold),
    ...(options.fill
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } }
      : {}),
  });
}

function row(r: ReportRow): TableRow {
  const values = [
    r.ref,
    r.recommendation,
    r.agreedAction,
    r.leadOfficer,
    r.originalTimescale,
    r.revisedTimescale,
    r.status,
    r.latestUpdate,
    r.signedOff,
  ];
  return new TableRow({
    cantSplit: false,
    children: values.map((value, i) =>
      cell(value, HEADINGS[i].width, i === 6 ? { bold: true, fill: FILLS[r.rag] } : {}),
    ),
  });
}

function summary(report: CommitteeReport): Paragraph[] {
  const counts = report.counts.map((c) => `${c.label}: ${c.count}`).join('; ');
  const paragraphs = [
    new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_2 }),
    new Paragraph(
      `There are ${report.total} actions. ${counts}.` +
        (report.awaitingSignOff > 0 ? ` ${report.awaitingSignOff} awaiting sign-off.` : ''),
    ),
    new Paragraph({
      text: report.previousReport
        ? `Since the last report (${report.previousReportText}):`
        : 'This is the first progress report on this plan.',
    }),
  ];
  if (report.previousReport) {
    if (report.changes.length === 0) paragraphs.push(new Paragraph('No status has changed.'));
    for (const change of report.changes)
      paragraphs.push(new Paragraph({ text: change, bullet: { level: 0 } }));
  }
  return paragraphs;
}

/**
 * Lays out a committee report as a Word paper: landscape, the title as the document's title,
 * language en-GB, headings, a summary, and a table whose heading row is marked as the header
 * (screen readers announce it; Word repeats it on every page).
 */
export async function committeeReportDocx(report: CommitteeReport): Promise<Buffer> {
  const heading = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: HEADINGS.map((h) => cell(h.text, h.width, { bold: true, fill: 'D9D9D9' })),
  });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [heading, ...report.rows.map(row)],
  });
  const lines = [report.committee, `Progress report: ${report.dateText}`].filter(
    (line): line is string => Boolean(line),
  );
  const document = new Document({
    title: `${report.title}: progress report, ${report.dateText}`,
    subject: 'Progress report on an action plan',
    creator: 'Action Plan Bot',
    description: report.committee ?? undefined,
    styles: {
      default: { document: { run: { language: { value: 'en-GB' }, font: 'Arial', size: 20 } } },
    },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.HEADING_1 }),
          ...lines.map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })),
          ...summary(report),
          new Paragraph({ text: 'Progress on each action', heading: HeadingLevel.HEADING_2 }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
