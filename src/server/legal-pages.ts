import type { Request, Response } from 'restify';

const PAGES = {
  privacy: {
    title: 'Action Plan Bot: privacy',
    body:
      'Action Plan Bot stores the council’s action plans, the progress updates staff record, and ' +
      'the directory of who holds which post, in the council’s own Azure storage. It uses your ' +
      'Microsoft Teams identity only to recognise you and to send you prompts about actions you own. ' +
      'Nothing is shared outside the council. Ask your democratic services team for the council’s ' +
      'privacy notice or to see what is held about you.',
  },
  terms: {
    title: 'Action Plan Bot: terms of use',
    body:
      'Action Plan Bot is provided by the council for its staff and members to record and report ' +
      'progress on agreed action plans. Updates you record are attributed to you and kept as part ' +
      'of the public record of the plan. Use it in line with the council’s acceptable use policy.',
  },
} as const;

/** The short privacy and terms pages the Teams app manifest links to. */
export function legalPage(page: keyof typeof PAGES) {
  return async (_req: Request, res: Response): Promise<void> => {
    const { title, body } = PAGES[page];
    const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  };
}
