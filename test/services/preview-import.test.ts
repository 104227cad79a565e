import { recordFileNotRead } from '../../src/services/preview-import';
import { createRepositories } from '../../src/services/repositories';
import { createTestStore } from '../support/store';

const now = new Date('2026-11-25T10:00:00Z');
const by = { email: 'adele@example.com', name: 'Adele Vance' };

describe('recording a file that was not read', () => {
  it('leaves an audit row naming the sender, the file and why, with no preview', async () => {
    const repos = createRepositories(await createTestStore());
    await recordFileNotRead(repos, {
      step: 'refused',
      fileName: 'plan.docx',
      by,
      now,
      detail: 'not an admin',
    });
    await recordFileNotRead(repos, {
      step: 'unreadable',
      fileName: 'notes.png',
      by,
      now,
      detail: 'file type not accepted',
    });
    const rows = await repos.importAudit.listMonth(now);
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual(
      expect.arrayContaining([
        {
          at: now.toISOString(),
          step: 'refused',
          by: 'adele@example.com',
          byName: 'Adele Vance',
          fileName: 'plan.docx',
          subject: null,
          previewId: null,
          detail: 'not an admin',
        },
        {
          at: now.toISOString(),
          step: 'unreadable',
          by: 'adele@example.com',
          byName: 'Adele Vance',
          fileName: 'notes.png',
          subject: null,
          previewId: null,
          detail: 'file type not accepted',
        },
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});
