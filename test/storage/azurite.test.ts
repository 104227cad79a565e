import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../src/storage/azurite';
import { TableStore } from '../../src/storage/table-store';
import { PlansRepository } from '../../src/storage/plans-repository';

describe('embedded Azurite', () => {
  it('is shared by a CLI and a server over one data folder, and stopped by its owner', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apb-data-'));
    const cli = await startAzurite({ dataDir }, { role: 'cli' });
    const server = await startAzurite({ dataDir }, { role: 'server' });
    expect(server.port).toBe(cli.port);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'azurite.json'), 'utf8'));
    expect(lock.ownerPid).toBe(process.pid);

    const store = new TableStore(server.connectionString, 'share');
    await store.ensureTables();
    await new PlansRepository(store).save({
      id: 'p',
      title: 'Plan',
      date: null,
      committee: null,
      sourceFile: null,
      importedAt: '2026-11-25T10:00:00.000Z',
      timezone: 'Europe/London',
      chairDigestEmails: [],
    });
    await cli.stop();
    await server.stop();
    expect(fs.existsSync(path.join(dataDir, 'azurite.json'))).toBe(false);
    expect(() => process.kill(lock.pid, 0)).toThrow();

    // Data survives a restart from the same folder.
    const again = await startAzurite({ dataDir }, { role: 'cli' });
    const reopened = new TableStore(again.connectionString, 'share');
    expect((await new PlansRepository(reopened).get('p'))?.title).toBe('Plan');
    await again.stop();
  });
});
