import { buildHelpCard } from '../../src/cards/help-card';
import { commandsOf, expectSoundCard, visibleText } from './card-checks';

const COMMANDS = [
  'help',
  'my actions',
  'my actions all',
  'summary',
  'summary communications',
  'overdue',
  'action communications 4',
];

describe('help card', () => {
  it('lists the commands one per line, with the reply line', () => {
    const card = buildHelpCard({ roles: ['officer'] });
    expectSoundCard(card);
    expect(commandsOf(card)).toEqual(COMMANDS);
    expect(visibleText(card)).toContain('reply to a prompt in your own words');
  });

  it('shows the assign command to admins only', () => {
    const admin = buildHelpCard({ roles: ['officer', 'admin'] });
    expectSoundCard(admin);
    expect(commandsOf(admin)).toEqual([
      ...COMMANDS,
      'assign Head of Finance to sam@council.gov.uk',
    ]);
    expect(visibleText(admin)).toContain('(admins only)');
    expect(commandsOf(buildHelpCard({ roles: ['chair', 'head'] }))).not.toContain(
      'assign Head of Finance to sam@council.gov.uk',
    );
  });
});
