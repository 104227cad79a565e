import fs from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';

const root = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

// The project's own flat config, passed in rather than found: ESLint loads a config file with a
// dynamic import, which jest's module sandbox does not allow.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../eslint.config.js') as Linter.Config[];

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: config,
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});

/** The boundary messages ESLint gives `code` as if it were the file `file` of the project. */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => {
    expect(m.ruleId).toBe(RULE);
    return m.message.replace(/^'[^']+' import is restricted from being used by a pattern\. /, '');
  });
}

const layer = (from: string, allowed: string, to: string): string =>
  `Layer boundary: ${from}/ may import ${allowed}; not ${to}/.`;
const NOTHING = 'nothing else in src/';
const SERVICES_MAY = 'domain/, ask/, import/, notify/, report/, storage/';
const BOTBUILDER =
  'botbuilder and botframework-* belong in bot/, notify/, server/ and the composition root; hand the notifier a plain OutgoingMessage instead.';
const entry = (to: string, from: string): string =>
  `Layer boundary: ${to}/ is an entry point, so ${from}/ may not import it.`;

describe('layer boundaries (ESLint)', () => {
  // One deliberate violation per rule: the file it sits in, the import, the message it must get.
  const violations: [string, string, string][] = [
    // domain/ imports no other layer, no Bot Framework or Azure, no Node I/O.
    [
      'src/domain/probe.ts',
      `import { buildDigestCard } from '../cards/digest-card';`,
      layer('domain', NOTHING, 'cards'),
    ],
    [
      'src/domain/probe.ts',
      `import type { Schedule } from '../ask/slot-patterns';`,
      layer('domain', NOTHING, 'ask'),
    ],
    [
      'src/domain/probe.ts',
      `import { PeopleRepository } from '../storage/people-repository';`,
      layer('domain', NOTHING, 'storage'),
    ],
    [
      'src/domain/probe.ts',
      `import { readFile } from 'node:fs/promises';`,
      'Layer boundary: domain/ is pure: no Node built-ins; pass values and `now` in.',
    ],
    [
      'src/domain/probe.ts',
      `import { request } from 'http';`,
      'Layer boundary: domain/ is pure: no Node built-ins; pass values and `now` in.',
    ],
    [
      'src/domain/probe.ts',
      `import { TableClient } from '@azure/data-tables';`,
      '@azure/* belongs in storage/ only; use a repository.',
    ],
    // botbuilder and botframework-* only where the adapter lives.
    ['src/jobs/probe.ts', `import { CardFactory } from 'botbuilder';`, BOTBUILDER],
    ['src/services/probe.ts', `import type { Activity } from 'botbuilder';`, BOTBUILDER],
    ['src/cards/probe.ts', `import { CardFactory } from 'botbuilder';`, BOTBUILDER],
    ['src/storage/probe.ts', `import { TurnContext } from 'botbuilder';`, BOTBUILDER],
    [
      'src/cli/commands/probe.ts',
      `import { ConnectorClient } from 'botframework-connector';`,
      BOTBUILDER,
    ],
    ['src/domain/probe.ts', `import { ActivityTypes } from 'botframework-schema';`, BOTBUILDER],
    // server/ and cli/ are entry points; the composition root is imported by nothing.
    [
      'src/bot/probe.ts',
      `import { createServer } from '../server/server';`,
      entry('server', 'bot'),
    ],
    [
      'src/jobs/probe.ts',
      `import { jobsRoute } from '../server/jobs-route';`,
      entry('server', 'jobs'),
    ],
    ['src/services/probe.ts', `import { runCli } from '../cli/run-cli';`, entry('cli', 'services')],
    [
      'src/bot/card-actions/probe.ts',
      `import { createServer } from '../../server/server';`,
      entry('server', 'bot'),
    ],
    [
      'src/bot/probe.ts',
      `import { createApp } from '../app';`,
      'Layer boundary: the composition root (src/app.ts, src/index.ts) is imported by nothing in bot/.',
    ],
    // cards/: no storage, no code from services (types only).
    [
      'src/cards/probe.ts',
      `import type { Preview } from '../storage/previews-repository';`,
      layer('cards', 'domain/, ask/, import/', 'storage'),
    ],
    [
      'src/cards/probe.ts',
      `import { previewFile } from '../services/preview-import';`,
      layer('cards', 'domain/, ask/, import/', 'services'),
    ],
    // storage/: no bot, cards, services.
    [
      'src/storage/probe.ts',
      `import { describeFailure } from '../bot/failures';`,
      layer('storage', 'domain/, config/, util/', 'bot'),
    ],
    [
      'src/storage/probe.ts',
      `import { buildNoticeCard } from '../cards/notice-card';`,
      layer('storage', 'domain/, config/, util/', 'cards'),
    ],
    [
      'src/storage/probe.ts',
      `import { NotFoundError } from '../services/errors';`,
      layer('storage', 'domain/, config/, util/', 'services'),
    ],
    // services/: no bot, no cards, and no jobs (jobs call services, so the reverse is a cycle).
    [
      'src/services/probe.ts',
      `import { describeFailure } from '../bot/failures';`,
      layer('services', SERVICES_MAY, 'bot'),
    ],
    [
      'src/services/probe.ts',
      `import type { DigestView } from '../cards/digest-card';`,
      layer('services', SERVICES_MAY, 'cards'),
    ],
    [
      'src/services/probe.ts',
      `import { runPlannedJob } from '../jobs/run-planned';`,
      layer('services', SERVICES_MAY, 'jobs'),
    ],
    [
      'src/services/probe.ts',
      `import type { JobDeps } from '../jobs/job-context';`,
      layer('services', SERVICES_MAY, 'jobs'),
    ],
    // The rest of the table, one each.
    [
      'src/notify/probe.ts',
      `import { PlainTextMessages } from '../bot/plain-text';`,
      layer('notify', 'domain/, config/, logging/, storage/, util/', 'bot'),
    ],
    [
      'src/import/probe.ts',
      `import type { DirectoryEntry } from '../storage/people-repository';`,
      layer('import', 'domain/', 'storage'),
    ],
    [
      'src/ask/probe.ts',
      `import { loadPlansAndActions } from '../services/my-actions';`,
      layer('ask', 'domain/', 'services'),
    ],
    [
      'src/jobs/probe.ts',
      `import { describeFailure } from '../bot/failures';`,
      layer('jobs', 'domain/, cards/, config/, logging/, notify/, services/, storage/', 'bot'),
    ],
    [
      'src/bot/probe.ts',
      `import { PreviewsRepository } from '../storage/previews-repository';`,
      layer(
        'bot',
        'domain/, ask/, cards/, config/, import/, logging/, notify/, services/',
        'storage',
      ),
    ],
    ['src/bot/probe.ts', `import { Server } from 'restify';`, 'restify belongs in server/ only.'],
  ];

  it.each(violations)('%s: %s', async (file, code, message) => {
    expect(await boundaryMessages(file, code)).toEqual([message]);
  });

  const allowed: [string, string][] = [
    ['src/domain/probe.ts', `import { DateTime } from 'luxon';`],
    ['src/domain/probe.ts', `import { emailKey } from './person';`],
    ['src/bot/probe.ts', `import { CardFactory } from 'botbuilder';`],
    ['src/notify/probe.ts', `import { CloudAdapter } from 'botbuilder';`],
    ['src/server/probe.ts', `import type { CloudAdapter } from 'botbuilder';`],
    [
      'src/app.ts',
      `import { CloudAdapter } from 'botbuilder';\nimport { createServer } from './server/server';`,
    ],
    ['src/cards/probe.ts', `import type { ImportPreview } from '../services/preview-import';`],
    ['src/cards/probe.ts', `import template from '../../cards/notice.json';`],
    ['src/bot/probe.ts', `import { ConflictError } from '../storage/errors';`],
    ['src/bot/commands/probe.ts', `import { answerQuestion } from '../ask/respond';`],
    ['src/jobs/probe.ts', `import type { OutgoingMessage } from '../notify/outgoing-message';`],
    ['src/services/probe.ts', `import { deliver, type Outgoing } from '../notify/deliver';`],
    ['src/jobs/probe.ts', `import { deliver } from '../notify/deliver';`],
    ['src/cli/probe.ts', `import { openStore } from '../storage/open-store';`],
  ];

  it.each(allowed)('allows %s: %s', async (file, code) => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });

  it('covers every folder of src/ (a new folder needs its line in the table)', async () => {
    const folders = fs
      .readdirSync(path.join(root, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThan(10);
    for (const folder of folders) {
      for (const file of [`src/${folder}/probe.ts`, `src/${folder}/a/b/probe.ts`]) {
        const resolved = (await eslint.calculateConfigForFile(path.join(root, file))) as {
          rules?: Record<string, unknown>;
        };
        expect([file, resolved.rules?.[RULE]]).toEqual([file, expect.arrayContaining([2])]);
      }
    }
  });

  it('passes on the tree', async () => {
    // Every file read and linted here: ESLint's own file search loads a module dynamically too.
    const files = fs
      .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join('src', f));
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      const code = fs.readFileSync(path.join(root, file), 'utf8');
      for (const message of await boundaryMessages(file, code))
        problems.push(`${file}: ${message}`);
    }
    expect(problems).toEqual([]);
  });
});
