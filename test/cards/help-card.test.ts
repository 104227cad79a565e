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

const CHAIR_COMMANDS = [
  'sign off 1, 3 and 5 on communications',
  'reopen communications 4: not yet to Council',
  'report for communications',
  'meetings communications 12 January 2027, 9 March 2027',
];

describe('help card', () => {
  it('shows chairs how to sign off, reopen and ask for the report', () => {
    expect(commandsOf(buildHelpCard({ roles: ['chair'] }))).toEqual([
      ...COMMANDS,
      ...CHAIR_COMMANDS,
    ]);
  });

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
      ...CHAIR_COMMANDS,
      'assign Head of Finance to sam@council.gov.uk',
    ]);
    expect(visibleText(admin)).toContain('(admins only)');
    expect(commandsOf(buildHelpCard({ roles: ['chair', 'head'] }))).not.toContain(
      'assign Head of Finance to sam@council.gov.uk',
    );
  });
});
