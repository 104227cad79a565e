import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cardCases } from '../cards/card-cases';
import { pngColour } from '../cards/card-checks';
import { THEMES } from './host-configs';

// Every card type, typical and at its worst, rendered by the Adaptive Cards renderer at phone
// widths in Teams' light, dark and high-contrast colours: checked with axe-core, for the
// contrast of all text and of the bars, and for text cut off.
const ROOT = path.join(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = path.join(ROOT, 'test-output/cards');
const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;
if (!haveChromium && !process.env.CI) {
  process.stderr.write(
    'Card browser test skipped: install Debian chromium (apt-get install chromium).\n',
  );
}

const WIDTHS = [340, 450];
const DOCS = path.join(ROOT, 'docs/images');

/** sRGB relative luminance of "#RRGGBB" or "rgb(r, g, b)". */
function luminance(colour: string): number {
  const rgb = colour.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

interface Rendered {
  violations: { id: string; impact: string; nodes: number }[];
  texts: { text: string; colour: string; background: string }[];
  bars: { image: string; background: string }[];
  cut: string[];
}

async function render(page: Page, card: unknown, hostConfig: unknown): Promise<Rendered> {
  return page.evaluate(
    async ({ card, hostConfig }) => {
      type Ac = {
        AdaptiveCard: new () => {
          hostConfig: unknown;
          parse(json: unknown): void;
          render(): HTMLElement;
        };
        HostConfig: new (json: unknown) => unknown;
      };
      const w = window as unknown as {
        AdaptiveCards: Ac;
        axe: {
          run(
            el: Element,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      };
      const host = document.getElementById('host')!;
      host.innerHTML = '';
      const ac = new w.AdaptiveCards.AdaptiveCard();
      ac.hostConfig = new w.AdaptiveCards.HostConfig(hostConfig);
      ac.parse(card);
      const el = ac.render();
      host.appendChild(el);
      const backgroundOf = (node: Element | null): string => {
        for (let n = node; n; n = n.parentElement) {
          const bg = getComputedStyle(n).backgroundColor;
          if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      const result = await w.axe.run(host, { resultTypes: ['violations'] });
      const texts: { text: string; colour: string; background: string }[] = [];
      const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement!;
        if (!n.textContent?.trim()) continue;
        texts.push({
          text: n.textContent.trim().slice(0, 40),
          colour: getComputedStyle(parent).color,
          background: backgroundOf(parent),
        });
      }
      const bars = Array.from(host.querySelectorAll<HTMLElement>('*'))
        .filter((n) => getComputedStyle(n).backgroundImage.startsWith('url("data:image/png'))
        .map((n) => ({
          image: getComputedStyle(n).backgroundImage.slice(5, -2),
          background: backgroundOf(n.parentElement),
        }));
      const cut = Array.from(
        host.querySelectorAll<HTMLElement>('.ac-textBlock, .ac-richTextBlock, .ac-pushButton, p'),
      )
        .filter((n) => n.scrollWidth > n.clientWidth + 1)
        .map((n) => (n.textContent ?? '').trim().slice(0, 60));
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        })),
        texts,
        bars,
        cut,
      };
    },
    { card, hostConfig },
  );
}

describeBrowser('every card in Teams colours at phone width', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    // Nothing leaves the machine: the page is built from local files only.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Card</title></head><body><main id="host"></main></body></html>',
    );
    await page.addScriptTag({
      path: path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js'),
    });
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = cardCases();
  for (const theme of THEMES) {
    it.each(cases.map((c) => [`${c.name}${c.worst ? ' (worst case)' : ''}`, c] as const))(
      `%s in the ${theme.name} theme`,
      async (_name, c) => {
        await page.evaluate((bg) => {
          document.body.style.background = bg;
          document.body.style.margin = '0';
        }, theme.background);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const rendered = await render(page, c.card, theme.hostConfig);
          const serious = rendered.violations.filter(
            (v) => v.impact === 'serious' || v.impact === 'critical',
          );
          expect(serious).toEqual([]);
          // Every piece of text, buttons' and choices' included, in every theme.
          expect(rendered.texts.length).toBeGreaterThan(0);
          const lowText = rendered.texts.filter((t) => contrast(t.colour, t.background) < 4.5);
          expect(lowText).toEqual([]);
          const lowBars = rendered.bars.filter(
            (b) => contrast(pngColour(b.image), b.background) < 3,
          );
          expect(lowBars).toEqual([]);
          expect(rendered.cut).toEqual([]);
          const file = `${c.name}${c.worst ? '-worst' : ''}-${theme.name}-${width}.png`;
          await page.locator('#host').screenshot({ path: path.join(OUTPUT, file) });
          if (
            !c.worst &&
            width === 340 &&
            theme.name === 'light' &&
            (c.name === 'nudge' || c.name === 'summary')
          ) {
            // What a phone shows at once: the top of the card, kept small for the README.
            const box = await page.locator('#host').boundingBox();
            if (!box) throw new Error('The card was not rendered');
            fs.mkdirSync(DOCS, { recursive: true });
            await page.screenshot({
              path: path.join(DOCS, `card-${c.name}-phone.png`),
              clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 720) },
            });
          }
        }
      },
    );
  }

  it('keeps every bar at 3:1 or more against the high-contrast theme too', () => {
    const contrastTheme = THEMES.find((t) => t.name === 'contrast')!;
    const summary = cases.find((c) => c.name === 'summary')!;
    const images =
      JSON.stringify(summary.card).match(/data:image\/png;base64,[A-Za-z0-9+/=]+/g) ?? [];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      for (const t of THEMES)
        expect(contrast(pngColour(image), t.background)).toBeGreaterThanOrEqual(3);
    }
    expect(contrastTheme.background).toBe('#000000');
  });
});
