import { PNG } from 'pngjs';

/** Which of the two Teams icons a file is. */
export type IconKind = 'color' | 'outline';

/** The size Teams requires of each icon, in pixels (square). */
export const ICON_SIZES: Readonly<Record<IconKind, number>> = { color: 192, outline: 32 };

/** What the outline check found: how many pixels are see-through, drawn, or not white. */
export interface OutlineReport {
  transparent: number;
  drawn: number;
  notWhite: number;
}

/** Counts the outline icon's pixels: Teams wants white only, on a transparent background. */
export function inspectOutline(png: PNG): OutlineReport {
  const report: OutlineReport = { transparent: 0, drawn: 0, notWhite: 0 };
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3];
    if (alpha === 0) {
      report.transparent++;
      continue;
    }
    report.drawn++;
    if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255)
      report.notWhite++;
  }
  return report;
}

/**
 * Problems with one icon file, each naming the file: not a PNG, the wrong size, or (for the
 * outline) anything but white pixels on a transparent background.
 */
export function iconProblems(file: string, data: Buffer, kind: IconKind): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    return [`${file}: not a readable PNG (${(error as Error).message})`];
  }
  const size = ICON_SIZES[kind];
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) {
    problems.push(
      `${file}: is ${png.width}×${png.height}; the ${kind} icon must be ${size}×${size}`,
    );
  }
  if (kind === 'outline') {
    const { transparent, drawn, notWhite } = inspectOutline(png);
    if (notWhite > 0) {
      problems.push(
        `${file}: ${notWhite} visible pixels are not white; the outline icon must be white only`,
      );
    }
    if (transparent === 0) problems.push(`${file}: has no transparent background`);
    if (drawn === 0) problems.push(`${file}: is fully transparent`);
  }
  return problems;
}
