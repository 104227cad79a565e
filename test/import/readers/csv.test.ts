import { readCsv } from '../../../src/import/readers/csv';

describe('readCsv', () => {
  it('reads quoted cells with line breaks and gives each row the line it starts on', () => {
    const text =
      'Plan\r\n\r\nRecommendation,Owner,Timescale\r\n"1. Two\r\nlines","Head of A\nHead of B",May 2024\r\n2. B,"Head of ""C""",June 2024';
    expect(readCsv(Buffer.from(text), 'p.csv')).toEqual({
      preamble: [],
      rows: [
        { cells: ['Plan'], location: 'line 1' },
        { cells: [''], location: 'line 2' },
        { cells: ['Recommendation', 'Owner', 'Timescale'], location: 'line 3' },
        { cells: ['1. Two\nlines', 'Head of A\nHead of B', 'May 2024'], location: 'line 4' },
        { cells: ['2. B', 'Head of "C"', 'June 2024'], location: 'line 7' },
      ],
    });
  });

  it('reads semicolon-separated files, commas and all, and drops the byte order mark', () => {
    const text = '\ufeffRecommendation;Owner;Timescale\n1. Train, then test;Head of A;May 2024\n';
    const grid = readCsv(Buffer.from(text), 'p.csv');
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['Recommendation', 'Owner', 'Timescale'],
      ['1. Train, then test', 'Head of A', 'May 2024'],
    ]);
  });

  it('reads Windows-1252 text saved by older Excel', () => {
    const bytes = Buffer.concat([
      Buffer.from('Recommendation,Owner,Timescale\nMembers'),
      Buffer.from([0x92]),
      Buffer.from(' code,Head of A,May 2024'),
    ]);
    expect(readCsv(bytes, 'p.csv').rows[1].cells[0]).toBe('Members’ code');
  });

  it('keeps the rows of a file with no heading row so the message can show them', () => {
    expect(readCsv(Buffer.from('a,b\nc,d'), 'p.csv').rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() =>
      readCsv(Buffer.from('Recommendation,Owner,Timescale\n"1. A,Head,May\n'), 'p.csv'),
    ).toThrow(/^p\.csv, line 2: could not be read as CSV \(.*\); expected comma-separated cells/);
  });
});
