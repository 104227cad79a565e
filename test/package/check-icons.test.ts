import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { iconProblems, inspectOutline } from '../../src/package/check-icons';

const manifestDir = path.join(__dirname, '..', '..', 'manifest');
const read = (name: string) => readFileSync(path.join(manifestDir, name));

/** A PNG of the given size, every pixel set to one RGBA colour except a see-through corner. */
function png(size: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  image.data[3] = 0;
  return PNG.sync.write(image);
}

describe('the committed icons', () => {
  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect(PNG.sync.read(read('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(PNG.sync.read(read('outline.png'))).toMatchObject({ width: 32, height: 32 });
    expect(iconProblems('color.png', read('color.png'), 'color')).toEqual([]);
    expect(iconProblems('outline.png', read('outline.png'), 'outline')).toEqual([]);
  });

  it('draw the outline in white only, on a transparent background', () => {
    const report = inspectOutline(PNG.sync.read(read('outline.png')));
    expect(report.notWhite).toBe(0);
    // Mostly background, with a real drawing on it.
    expect(report.transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(report.drawn).toBeGreaterThan(32 * 32 * 0.15);
  });

  it('fill the colour icon edge to edge, as Teams expects', () => {
    const colour = PNG.sync.read(read('color.png'));
    let seeThrough = 0;
    for (let i = 3; i < colour.data.length; i += 4) if (colour.data[i] < 255) seeThrough++;
    expect(seeThrough).toBe(0);
  });
});

describe('iconProblems', () => {
  it('refuses an outline with coloured pixels', () => {
    expect(iconProblems('outline.png', png(32, [0, 0, 0, 255]), 'outline')).toEqual([
      'outline.png: 1023 visible pixels are not white; the outline icon must be white only',
    ]);
  });

  it('refuses an outline with no transparent background, or nothing drawn', () => {
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    expect(iconProblems('outline.png', PNG.sync.write(opaque), 'outline')).toEqual([
      'outline.png: has no transparent background',
    ]);
    const blank = new PNG({ width: 32, height: 32 });
    expect(iconProblems('outline.png', PNG.sync.write(blank), 'outline')).toEqual([
      'outline.png: is fully transparent',
    ]);
  });

  it('refuses the wrong size and a file that is not a PNG', () => {
    expect(iconProblems('color.png', png(96, [10, 20, 30, 255]), 'color')).toEqual([
      'color.png: is 96×96; the color icon must be 192×192',
    ]);
    expect(iconProblems('color.png', Buffer.from('GIF89a'), 'color')[0]).toMatch(
      /^color\.png: not a readable PNG/,
    );
  });
});
