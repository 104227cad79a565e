import path from 'node:path';
import { isZip, listZipParts, type ZipPart } from './zip-parts';

/** The kinds of document a plan can be read from. */
export type DocumentKind = 'docx' | 'xlsx' | 'pdf' | 'csv' | 'text';

/** What the bytes of a file turned out to be. */
export type Sniffed =
  | { kind: 'docx' | 'xlsx'; parts: ZipPart[] }
  | { kind: 'pdf' | 'text' }
  | { kind: 'unreadable'; reason: string };

const KIND_NAMES: Record<DocumentKind, string> = {
  docx: 'a Word document (.docx)',
  xlsx: 'an Excel workbook (.xlsx)',
  pdf: 'a PDF',
  csv: 'comma-separated text (.csv)',
  text: 'tab-separated text (.txt)',
};

/** What each extension says a file is. */
export const EXTENSION_KINDS: Record<string, DocumentKind> = {
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.pdf': 'pdf',
  '.csv': 'csv',
  '.txt': 'text',
  '.tsv': 'text',
  '.text': 'text',
};

/** A kind of document in words, for messages: "a Word document (.docx)". */
export const kindName = (kind: DocumentKind): string => KIND_NAMES[kind];

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Tells from a file's first bytes what it holds: a zip archive with Word's or Excel's parts, a
 * PDF, or text. Older binary Office files, RTF and other archives are named so the message can
 * say what to do.
 */
export function sniff(buffer: Buffer): Sniffed {
  if (isZip(buffer)) {
    const parts = listZipParts(buffer);
    if (!parts) return { kind: 'unreadable', reason: 'a damaged zip archive' };
    const names = new Set(parts.map((p) => p.name));
    if (names.has('word/document.xml')) return { kind: 'docx', parts };
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx', parts };
    if (names.has('ppt/presentation.xml'))
      return { kind: 'unreadable', reason: 'a PowerPoint presentation' };
    return { kind: 'unreadable', reason: 'a zip archive, not a Word or Excel document' };
  }
  const head = buffer.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (buffer.subarray(0, 8).equals(OLE)) {
    return {
      kind: 'unreadable',
      reason:
        'an older Word or Excel file (.doc or .xls); open it in Word or Excel and save it as .docx or .xlsx',
    };
  }
  if (head.startsWith('{\\rtf')) {
    return { kind: 'unreadable', reason: 'a Rich Text file; open it in Word and save it as .docx' };
  }
  return { kind: 'text' };
}

/** What the extension of a file's name says it is, or null for an extension we do not read. */
export function kindFromName(name: string): DocumentKind | null {
  return EXTENSION_KINDS[path.extname(name).toLowerCase()] ?? null;
}
