/**
 * Draws the two Teams app icons into manifest/: a 192×192 colour icon (a white checklist with
 * ticks on the app's accent colour) and a 32×32 outline icon (the same checklist, white on
 * transparent). Run it again after changing the drawing: `npx tsx scripts/draw-icons.ts [outDir]`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
/** True when the point (in icon pixels) lies inside the shape. */
type Shape = (x: number, y: number) => boolean;

/** Accent colour of the app; manifest.json's accentColor uses the same value. */
const ACCENT: Rgb = [0x1b, 0x5e, 0x72];
const WHITE: Rgb = [255, 255, 255];
const PALE: Rgb = [0xa9, 0xc9, 0xd2];
// 4×4 samples per pixel give smooth edges without a graphics library.
const SAMPLES = 4;

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

const segment =
  (ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** A tick whose short stroke starts at (x, y); `s` is its height. */
const tick = (x: number, y: number, s: number, halfWidth: number): Shape =>
  union(
    segment(x, y + s * 0.45, x + s * 0.4, y + s * 0.85, halfWidth),
    segment(x + s * 0.4, y + s * 0.85, x + s * 1.05, y, halfWidth),
  );

/** An empty box: the item still to do. */
const box = (x: number, y: number, s: number, stroke: number): Shape =>
  minus(
    roundedRect(x, y, x + s, y + s, s * 0.2),
    roundedRect(x + stroke, y + stroke, x + s - stroke, y + s - stroke, s * 0.1),
  );

/** Share of the pixel (px, py) covered by the shape, 0 to 1. */
function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      if (shape(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES)) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

/** Paints an opaque colour over the image where the shape covers it. */
function paint(png: PNG, shape: Shape, colour: Rgb): void {
  for (let py = 0; py < png.height; py++) {
    for (let px = 0; px < png.width; px++) {
      const a = coverage(shape, px, py);
      if (a === 0) continue;
      const i = (png.width * py + px) * 4;
      for (let c = 0; c < 3; c++)
        png.data[i + c] = Math.round(png.data[i + c] * (1 - a) + colour[c] * a);
      png.data[i + 3] = 255;
    }
  }
}

/** The 192×192 colour icon: a sheet with two ticked items and one still open. */
function drawColour(): PNG {
  const png = new PNG({ width: 192, height: 192 });
  paint(png, () => true, ACCENT);
  // Teams crops the corners, so the drawing stays inside the central safe area.
  paint(png, roundedRect(44, 36, 148, 156, 12), WHITE);
  paint(png, roundedRect(78, 28, 114, 44, 6), PALE);
  const rows = [62, 94, 126];
  paint(png, tick(58, rows[0] - 9, 18, 3.5), ACCENT);
  paint(png, tick(58, rows[1] - 9, 18, 3.5), ACCENT);
  paint(png, box(58, rows[2] - 9, 18, 3.5), ACCENT);
  for (const y of rows) paint(png, segment(88, y, 132, y, 4), y === rows[2] ? PALE : ACCENT);
  return png;
}

/** The 32×32 outline icon: the same checklist, white on a transparent background. */
function drawOutline(): PNG {
  const png = new PNG({ width: 32, height: 32 });
  const rows = [8, 16, 24];
  const shape = union(
    tick(3, rows[0] - 3.5, 7, 1.1),
    tick(3, rows[1] - 3.5, 7, 1.1),
    box(3.5, rows[2] - 3.5, 7, 1.3),
    ...rows.map((y) => segment(14, y, 28, y, 1.2)),
  );
  for (let py = 0; py < 32; py++) {
    for (let px = 0; px < 32; px++) {
      const i = (32 * py + px) * 4;
      // Teams asks for white only: every pixel stays white and the drawing lives in alpha.
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(coverage(shape, px, py) * 255);
    }
  }
  return png;
}

const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'manifest'));
writeFileSync(path.join(outDir, 'color.png'), PNG.sync.write(drawColour()));
writeFileSync(path.join(outDir, 'outline.png'), PNG.sync.write(drawOutline()));
process.stdout.write(`Wrote color.png and outline.png to ${outDir}\n`);
