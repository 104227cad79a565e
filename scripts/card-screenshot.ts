/**
 * Renders the Teams import preview card, as an admin sees it after sending the demo plan with
 * one post nobody holds, in headless Chromium with the Adaptive Cards renderer, and saves
 * docs/images/teams-import-preview.png. Run: `npx tsx scripts/card-screenshot.ts`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildImportPreviewCard } from '../src/cards/import-preview-card';
import { unheldOwners } from '../src/domain/import-changes';
import { DEMO_FILES } from '../src/demo/load-demo';
import { readPeopleFile } from '../src/import/people-file';
import { readPlanFile } from '../src/import/read-plan-file';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'images', 'teams-import-preview.png');

async function main(): Promise<void> {
  const people = (await readPeopleFile(DEMO_FILES.people)).filter(
    (p) => !p.email.startsWith('meganb@'),
  );
  const imported = await readPlanFile(DEMO_FILES.plan, {
    knownPosts: people.flatMap((p) => p.posts),
    acceptWarnings: true,
  });
  const card = buildImportPreviewCard({
    preview: {
      id: '0123456789abcdef0123456789abcdef',
      kind: 'plan',
      fileName: 'members-communications-action-plan.docx',
      createdBy: 'pattif@example.com',
      createdByName: 'Patti Fernandez',
      createdAt: '2026-11-25T10:00:00.000Z',
      expiresAt: '2026-11-26T10:00:00.000Z',
      state: 'open',
      settledBy: null,
      settledByName: null,
      settledAt: null,
      outcome: null,
      version: '',
      payload: {
        imported,
        committee: 'Ad Hoc Scrutiny Panel',
        changes: null,
        unheld: unheldOwners(imported.actions, people),
      },
    },
    page: 0,
    timezone: 'Europe/London',
    people: people.map((p) => ({ name: p.name, email: p.email })),
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 560, height: 800 } });
    await page.route(/^(?!file:|about:|data:)/, (route) => route.abort());
    await page.setContent(
      '<html><body style="margin:0;padding:16px;background:#f5f5f5;font-family:Segoe UI,Arial,sans-serif">' +
        '<div id="card" style="max-width:520px;background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003"></div></body></html>',
    );
    await page.addScriptTag({
      path: path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js'),
    });
    await page.evaluate((json) => {
      interface RenderedCard {
        parse(json: unknown): void;
        render(): HTMLElement;
      }
      const ac = (window as unknown as { AdaptiveCards: { AdaptiveCard: new () => RenderedCard } })
        .AdaptiveCards;
      const card = new ac.AdaptiveCard();
      card.parse(json);
      document.getElementById('card')!.appendChild(card.render());
    }, card);
    await mkdir(path.dirname(OUT), { recursive: true });
    await page.locator('#card').screenshot({ path: OUT });
    console.log(`Saved ${path.relative(ROOT, OUT)}`);
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
