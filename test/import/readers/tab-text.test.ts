import { readTabText } from '../../../src/import/readers/tab-text';

describe('readTabText', () => {
  it('splits lines on tabs, numbering every line, and marks the rows as possibly wrapped', () => {
    expect(readTabText(Buffer.from('\ufeffTitle\r\n\r\nA\tB\nc\t\t'))).toEqual({
      preamble: [],
      rows: [
        { cells: ['Title'], location: 'line 1' },
        { cells: [''], location: 'line 2' },
        { cells: ['A', 'B'], location: 'line 3' },
        { cells: ['c', '', ''], location: 'line 4' },
      ],
      mayWrap: true,
    });
  });

  it('reads UTF-16 text as saved by Notepad', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A\tB', 'utf16le')]);
    expect(readTabText(bytes).rows[0].cells).toEqual(['A', 'B']);
  });
});
