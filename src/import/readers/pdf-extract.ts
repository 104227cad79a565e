import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from '../types';

/** A run of text on a page, in points from the page's top-left corner (as displayed). */
export interface PdfText {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font height. */
  h: number;
  font: string;
}

/** A ruling line: horizontal when y0 = y1, vertical when x0 = x1. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What one page holds, as displayed (rotation applied). */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}

// pdfjs-dist is an ES module; it runs in a worker thread, where it loads natively whatever runs
// this code, and where a hostile PDF can be bounded in memory and time and then thrown away.
// The worker only extracts positions; laying them out as a table happens in pdf-layout.ts.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const mul = (m, n) => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
async function rulesOf(page, pdfjs, view) {
  const { OPS } = pdfjs;
  const list = await page.getOperatorList();
  const rules = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  const segment = (ax, ay, bx, by) => {
    const [x0, y0] = apply(view, ...apply(ctm, ax, ay));
    const [x1, y1] = apply(view, ...apply(ctm, bx, by));
    if (Math.abs(y0 - y1) < 0.5 && Math.abs(x1 - x0) >= 3)
      rules.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y1 - y0) >= 3)
      rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  for (let i = 0; i < list.fnArray.length && rules.length < 20000; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() || [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = mul(ctm, args);
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args;
      let at = 0;
      let cx = 0, cy = 0, sx = 0, sy = 0;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = coords.slice(at, at + 4);
          at += 4;
          // A thin filled rectangle is a rule; a box has four edges.
          if (Math.abs(h) < 2) segment(x, y + h / 2, x + w, y + h / 2);
          else if (Math.abs(w) < 2) segment(x + w / 2, y, x + w / 2, y + h);
          else {
            segment(x, y, x + w, y); segment(x, y + h, x + w, y + h);
            segment(x, y, x, y + h); segment(x + w, y, x + w, y + h);
          }
        } else if (op === OPS.moveTo) {
          [cx, cy] = coords.slice(at, at + 2); sx = cx; sy = cy; at += 2;
        } else if (op === OPS.lineTo) {
          const [x, y] = coords.slice(at, at + 2); at += 2;
          segment(cx, cy, x, y); cx = x; cy = y;
        } else if (op === OPS.closePath) {
          segment(cx, cy, sx, sy); cx = sx; cy = sy;
        } else if (op === OPS.curveTo) at += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) at += 4;
      }
    }
  }
  return rules;
}
(async () => {
  const pdfjs = await import(workerData.url);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(workerData.bytes), isEvalSupported: false, disableFontFace: true,
      useSystemFonts: false, verbosity: 0, stopAtErrors: false,
    }).promise;
  } catch (error) {
    parentPort.postMessage({ failed: error && error.name === 'PasswordException' ? 'password' : 'unreadable', detail: String(error && error.message) });
    return;
  }
  const from = workerData.from || 1;
  const to = Math.min(doc.numPages, workerData.to || doc.numPages);
  if (from > doc.numPages) {
    parentPort.postMessage({ failed: 'pages', detail: String(doc.numPages) });
    return;
  }
  const pages = [];
  for (let n = from; n <= to; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform;
    const content = await page.getTextContent();
    const texts = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const t = item.transform;
      const scale = Math.hypot(t[0], t[1]) || 1;
      const [sx, sy] = apply(view, t[4], t[5]);
      const [ex, ey] = apply(view, t[4] + (item.width * t[0]) / scale, t[5] + (item.width * t[1]) / scale);
      texts.push({
        text: item.str, x0: Math.min(sx, ex), x1: Math.max(sx, ex), y: Math.abs(ey - sy) > 1 ? Math.min(sy, ey) : sy,
        h: Math.hypot(t[2], t[3]) || item.height || 10, font: item.fontName || '',
      });
    }
    pages.push({ number: n, width: viewport.width, height: viewport.height, texts, rules: await rulesOf(page, pdfjs, view) });
    page.cleanup();
  }
  parentPort.postMessage({ pages, numPages: doc.numPages });
  await doc.destroy();
})().catch((error) => parentPort.postMessage({ failed: 'unreadable', detail: String(error && error.message) }));
`;

/** How long one PDF may take to read, and how much memory the reading may use. */
export const PDF_LIMITS = { timeoutMs: 60_000, maxMemoryMb: 512 };

type WorkerReply =
  | { pages: PdfPage[]; numPages: number }
  | { failed: 'password' | 'unreadable' | 'pages'; detail: string };

/** Extracts the text runs and ruling lines of a PDF's pages (all, or `pages`). */
export async function extractPdf(
  buffer: Buffer,
  file: string,
  pages?: { from: number; to: number },
): Promise<{ pages: PdfPage[]; numPages: number }> {
  const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { url, bytes: buffer, from: pages?.from, to: pages?.to },
    resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.maxMemoryMb },
    stdout: true,
    stderr: true,
  });
  const reply = await new Promise<WorkerReply | Error>((resolve) => {
    const timer = setTimeout(() => resolve(new Error('timeout')), PDF_LIMITS.timeoutMs);
    worker.once('message', (message: WorkerReply) => {
      clearTimeout(timer);
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve(error);
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve(new Error('the reader stopped'));
    });
  });
  await worker.terminate();
  if (reply instanceof Error) {
    const why =
      reply.message === 'timeout'
        ? `took more than ${PDF_LIMITS.timeoutMs / 1000} seconds to read`
        : `could not be read (${reply.message})`;
    throw new ImportError(file, null, `${why}; expected a PDF of a plan as a council publishes it`);
  }
  if ('failed' in reply) {
    if (reply.failed === 'password')
      throw new ImportError(
        file,
        null,
        'is protected by a password; expected a PDF anyone can open',
      );
    if (reply.failed === 'pages') {
      throw new ImportError(
        file,
        null,
        `has ${reply.detail} pages, so --pages ${pages?.from}-${pages?.to} asks for pages it does not have`,
      );
    }
    throw new ImportError(
      file,
      null,
      `could not be read as a PDF (${reply.detail}); expected a PDF as a council publishes it`,
    );
  }
  return reply;
}
