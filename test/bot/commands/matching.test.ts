import { COMMANDS } from '../../../src/bot/commands';

function commandFor(text: string): string | null {
  for (const command of COMMANDS) if (command.match(text)) return command.name;
  return null;
}

describe('which text is a command', () => {
  it.each([
    ['help', 'help'],
    ['HELP', 'help'],
    ['my actions', 'my actions'],
    ['My Actions all', 'my actions'],
    ['summary', 'summary'],
    ['summary members-communications', 'summary'],
    ['summarise the members plan', 'summary'],
    ['report', 'summary'],
    ['overdue', 'overdue'],
    ["what's overdue?", 'overdue'],
    ['action members-communications 4', 'action'],
    ['action members communications R2.3', 'action'],
    ['assign Head of Democratic Services to sam@council.example', 'assign'],
  ])('"%s" is %s', (text, name) => {
    expect(commandFor(text)).toBe(name);
  });

  it.each([
    'Action 4: framework delayed until March',
    'Report went to committee, done',
    'Position unchanged',
    'late',
    'Framework drafted and circulated',
  ])('"%s" is not a command (it may be a reply to a prompt)', (text) => {
    expect(commandFor(text)).toBeNull();
  });

  it('parses the arguments of action and assign', () => {
    const action = COMMANDS.find((c) => c.name === 'action')!;
    expect(action.match('action members-communications 4')).toEqual([
      'members-communications',
      '4',
    ]);
    const assign = COMMANDS.find((c) => c.name === 'assign')!;
    expect(assign.match('assign Head of Finance to a@b.example')).toEqual([
      'Head of Finance',
      'a@b.example',
    ]);
  });
});
