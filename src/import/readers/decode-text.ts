// Node's TextDecoder reads "windows-1252" as Latin-1, losing curly quotes and dashes (0x80–0x9f).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
// Bytes Windows-1252 leaves undefined, and control characters no text file holds.
const NOT_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const isControl = (byte: number): boolean =>
  (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) ||
  byte === 0x7f;

/** A text file's contents and how they were read. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the bytes were read by the fallback, so the caller can tell the person. */
  warning: string | null;
}

/** Why bytes cannot be read as text: names the place, for the caller's error message. */
export class NotTextError extends Error {
  constructor(readonly line: number) {
    super('not text');
  }
}

function lineAt(buffer: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buffer[i] === 0x0a) line++;
  return line;
}

// UTF-16 without a byte order mark: most characters of English text have a zero high byte.
function utf16WithoutBom(buffer: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = buffer.subarray(0, Math.min(buffer.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Decodes a text file by one rule: a UTF-8 or UTF-16 byte order mark is obeyed; otherwise valid
 * UTF-8 is read as UTF-8 and UTF-16 is recognised by its zero bytes; anything else is read as
 * Windows-1252 (what Excel and Word on Windows save as "CSV" or "Text") with a warning saying so.
 * Bytes that are not text in any of these (a NUL, a control character, a byte Windows-1252 does
 * not define) throw {@link NotTextError} naming the line.
 */
export function decodeText(buffer: Buffer): DecodedText {
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return {
      text: new TextDecoder('utf-16le').decode(buffer),
      encoding: 'utf-16le',
      warning: null,
    };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return {
      text: new TextDecoder('utf-16be').decode(buffer),
      encoding: 'utf-16be',
      warning: null,
    };
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return { text: new TextDecoder(utf16).decode(buffer), encoding: utf16, warning: null };
  const bad = buffer.findIndex(isControl);
  if (bad >= 0) throw new NotTextError(lineAt(buffer, bad));
  try {
    // TextDecoder drops a UTF-8 byte order mark by itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return { text, encoding: 'utf-8', warning: null };
  } catch {
    // Not UTF-8: fall through to Windows-1252 below.
  }
  const undefinedByte = buffer.findIndex((byte) => NOT_CP1252.has(byte));
  if (undefinedByte >= 0) throw new NotTextError(lineAt(buffer, undefinedByte));
  let text = '';
  let firstHigh = -1;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte >= 0x80 && firstHigh < 0) firstHigh = i;
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return {
    text,
    encoding: 'windows-1252',
    warning: `the file is not UTF-8 (see line ${lineAt(buffer, firstHigh)}), so it was read as Windows-1252, the encoding older Excel and Word use; check that characters such as £, – and ’ came out right, or save the file as UTF-8`,
  };
}
