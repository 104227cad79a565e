import { ImportError } from '../types';
import { decodeText, NotTextError } from './decode-text';

/** Decodes a text document, turning bytes that are not text into an error naming the line. */
export function readTextFile(buffer: Buffer, file: string): { text: string; notes: string[] } {
  try {
    const decoded = decodeText(buffer);
    return { text: decoded.text, notes: decoded.warning ? [decoded.warning] : [] };
  } catch (error) {
    if (!(error instanceof NotTextError)) throw error;
    throw new ImportError(
      file,
      `line ${error.line}`,
      'holds bytes that are not text; expected a Word, Excel or PDF document, or text saved as UTF-8, UTF-16 or Windows-1252',
    );
  }
}
