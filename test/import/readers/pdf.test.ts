import { readPlanBytes } from '../../../src/import/read-plan-file';
import { planPdf, type PdfPlanLayout } from '../../support/plan-pdf';

const HEADINGS = ['Ref', 'Recommendation', 'Lead officer', 'Target date', 'RAG status'];
const WIDTHS = [40, 240, 120, 60, 55];

// Wording from a scrutiny review's recommendations, repeated with new refs to fill pages.
const RECOMMENDATIONS = [
  'That the Council develops a single, corporate approach to consultation and engagement, including a published consultation calendar.',
  'That officers report progress on the implementation of the recommendations to the Committee after six months.',
  'That a member working group is established to oversee the review of the Council’s website.',
];

const rows = (n: number): string[][] =>
  Array.from({ length: n }, (_, i) => [
    `R${i + 1}`,
    RECOMMENDATIONS[i % RECOMMENDATIONS.length],
    i % 2 === 0 ? 'Head of Communications' : 'Head of Democratic Services\nPolicy Officer',
    ['March 2026', 'Q2 2026/27', '31/12/2026'][i % 3],
    ['Green', 'Amber', 'Red'][i % 3],
  ]);

const layout = (extra: Partial<PdfPlanLayout>): PdfPlanLayout => ({
  preamble: [
    'Consultation and Engagement Review – Action Plan',
    'Overview and Scrutiny Committee',
    '14 January 2026',
  ],
  headings: HEADINGS,
  rows: rows(30),
  widths: WIDTHS,
  footer: ['Key: RAG – Red, Amber, Green', '* Dates are subject to Cabinet approval'],
  pageNumbers: true,
  ...extra,
});

const expected = (n: number, from = 1) =>
  rows(n)
    .slice(from - 1)
    .map(([ref, recommendation, owner, timescale]) => ({
      ref,
      recommendation,
      owners: owner.split('\n'),
      timescale,
    }));

const pick = (plan: Awaited<ReturnType<typeof readPlanBytes>>) =>
  plan.actions.map(({ ref, recommendation, owners, timescale }) => ({
    ref,
    recommendation,
    owners,
    timescale,
  }));

describe('reading a PDF plan', () => {
  it('reads a ruled table over several pages with its heading repeated, skipping the key and page numbers', async () => {
    const bytes = await planPdf(
      layout({ ruled: true, repeatHeading: true, runningHeader: 'Agenda Item 7' }),
    );
    const plan = await readPlanBytes(bytes, 'pack.pdf');
    expect(plan.plan).toEqual({
      id: 'consultation-and-engagement-review-action-plan',
      title: 'Consultation and Engagement Review – Action Plan',
      date: '2026-01-14',
    });
    expect(pick(plan)).toEqual(expected(30));
    expect(plan.actions.map((a) => a.status).slice(0, 3)).toEqual([
      'on-track',
      'at-risk',
      'off-track',
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('reads a table laid out by spacing alone, continued without its heading, on landscape pages', async () => {
    const bytes = await planPdf(
      layout({ ruled: false, landscape: true, widths: [50, 360, 170, 90, 70], rows: rows(40) }),
    );
    const plan = await readPlanBytes(bytes, 'pack.pdf');
    expect(pick(plan)).toEqual(expected(40));
  });

  it('reads only the pages asked for', async () => {
    const bytes = await planPdf(layout({ ruled: true, repeatHeading: true }));
    const refs = (await readPlanBytes(bytes, 'pack.pdf')).actions.map((a) => a.ref);
    const later = await readPlanBytes(bytes, 'pack.pdf', { pages: { from: 2, to: 9 } });
    expect(later.actions.length).toBeGreaterThan(0);
    expect(later.actions.length).toBeLessThan(refs.length);
    expect(later.actions.map((a) => a.ref)).toEqual(refs.slice(refs.length - later.actions.length));
    await expect(readPlanBytes(bytes, 'pack.pdf', { pages: { from: 12, to: 14 } })).rejects.toThrow(
      /^pack\.pdf: has \d pages, so --pages 12-14 asks for pages it does not have$/,
    );
  });

  it('says a scan has no text to read', async () => {
    const bytes = await planPdf(layout({ noText: true }));
    await expect(readPlanBytes(bytes, 'scan.pdf')).rejects.toThrow(
      'scan.pdf: has no text to read: it looks like a scan (pictures of pages)',
    );
  });

  it('says a PDF needs a password', async () => {
    const bytes = await planPdf(layout({ password: 'secret' }));
    await expect(readPlanBytes(bytes, 'locked.pdf')).rejects.toThrow(
      'locked.pdf: is protected by a password; expected a PDF anyone can open',
    );
  });

  it('names the first lines when no plan table is found', async () => {
    const bytes = await planPdf(
      layout({ headings: ['Name', 'Notes'], widths: [100, 200], rows: [['A', 'B']] }),
    );
    await expect(readPlanBytes(bytes, 'minutes.pdf')).rejects.toThrow(
      /^minutes\.pdf: could not find the plan table's heading row; .* The first lines were: "Consultation and Engagement Review – Action Plan"/,
    );
  });
});

describe('a row split by a page break', () => {
  const FILLER = 'That the service reports its progress to the committee.';
  // pdfkit never splits a row, so the rows are placed by hand, the last on page 1 split as Word
  // prints it: the rest of its cells at the top of page 2, with nothing in the ref column.
  async function splitRowPdf(ruled: boolean): Promise<Buffer> {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) =>
      doc.on('end', () => resolve(Buffer.concat(chunks))),
    );
    const xs = [40, 80, 330, 450];
    const widths = [40, 250, 120, 100];
    const row = (cells: string[], y: number, height: number, bold = false): void => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      cells.forEach((text, i) => {
        if (ruled) doc.lineWidth(0.5).rect(xs[i], y, widths[i], height).stroke();
        doc.text(text, xs[i] + 4, y + 4, { width: widths[i] - 8 });
      });
    };
    doc.font('Helvetica-Bold').fontSize(12).text('Waste Services Review – Action Plan', 40, 40);
    row(['Ref', 'Recommendation', 'Lead officer', 'Target date'], 70, 20, true);
    for (let k = 0; k < 16; k++)
      row([String(k + 1), FILLER, 'Head of Waste', 'March 2027'], 90 + 40 * k, 40);
    row(
      ['17', 'That the council publishes its recycling rates', 'Head of Waste', 'June 2027'],
      730,
      40,
    );
    doc.addPage();
    row(['', 'for every ward each quarter.', 'Data Officer', ''], 40, 30);
    row(
      [
        '18',
        'That bulky waste charges are compared with neighbouring councils.',
        'Head of Finance',
        'September 2027',
      ],
      70,
      40,
    );
    doc.end();
    return done;
  }

  it.each([true, false])('joins the halves again (ruled: %s)', async (ruled) => {
    const plan = await readPlanBytes(await splitRowPdf(ruled), 'waste.pdf');
    expect(plan.actions).toHaveLength(18);
    expect(plan.actions.slice(15).map((a) => [a.ref, a.recommendation, a.owners, a.due])).toEqual([
      ['16', FILLER, ['Head of Waste'], '2027-03-31'],
      [
        '17',
        'That the council publishes its recycling rates for every ward each quarter.',
        ['Head of Waste', 'Data Officer'],
        '2027-06-30',
      ],
      [
        '18',
        'That bulky waste charges are compared with neighbouring councils.',
        ['Head of Finance'],
        '2027-09-30',
      ],
    ]);
    expect(plan.warnings).toEqual([]);
  });
});
