import { inflateRawSync } from 'node:zlib';
import { formatBytes } from './limits';
import { ImportError } from './types';

/** One file inside a zip archive, as listed by its central directory. */
export interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_PARTS = 10_000;

/** True when the bytes start like a zip archive (.docx and .xlsx are zip archives). */
export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL;
}

/**
 * Lists the parts of a zip archive from its central directory. Returns null when the bytes are
 * not a readable zip archive.
 */
export function listZipParts(buffer: Buffer): ZipPart[] | null {
  // The end record sits in the last 22 bytes plus a comment of at most 64 KB.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let i = buffer.length - 22; i >= lowest; i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  if (count > MAX_PARTS) return null;
  const parts: ZipPart[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    parts.push({
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      declaredSize: buffer.readUInt32LE(at + 24),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function partData(buffer: Buffer, part: ZipPart): Buffer | null {
  const at = part.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const stop = start + part.compressedSize;
  return stop <= buffer.length ? buffer.subarray(start, stop) : null;
}

/**
 * Inflates every part of a .docx or .xlsx with a ceiling on the total, before any library reads
 * it: the sizes an archive declares can lie, so the bytes are counted as they come out. Returns
 * the inflated parts by name. Throws {@link ImportError} for an archive over the limit.
 */
export function inflateZipParts(
  buffer: Buffer,
  parts: ZipPart[],
  file: string,
  maxInflatedBytes: number,
): Map<string, Buffer> {
  const tooBig = (): ImportError =>
    new ImportError(
      file,
      null,
      `the document's contents unpack to more than ${formatBytes(maxInflatedBytes)}; expected a plan document well under that size (a zip bomb, or a document full of images, cannot be read)`,
    );
  const declared = parts.reduce((sum, part) => sum + part.declaredSize, 0);
  if (declared > maxInflatedBytes) throw tooBig();
  const inflated = new Map<string, Buffer>();
  let total = 0;
  for (const part of parts) {
    if (part.name.endsWith('/')) continue;
    const data = partData(buffer, part);
    if (!data) throw new ImportError(file, null, `part "${part.name}" of the archive is damaged`);
    let bytes: Buffer;
    if (part.method === 0) bytes = data;
    else if (part.method === 8) {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: maxInflatedBytes - total + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw new ImportError(file, null, `part "${part.name}" of the archive is damaged`);
      }
    } else {
      throw new ImportError(
        file,
        null,
        `part "${part.name}" is compressed in a way Word and Excel do not use; expected a .docx or .xlsx saved by Word, Excel or a compatible program`,
      );
    }
    total += bytes.length;
    if (total > maxInflatedBytes) throw tooBig();
    inflated.set(part.name, bytes);
  }
  return inflated;
}
