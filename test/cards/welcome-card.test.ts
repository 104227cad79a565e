import { buildWelcomeCard } from '../../src/cards/welcome-card';
import { HOSTILE_TEXTS, samplePeople } from '../support/sample-data';
import { commandsOf, expectLiteral, expectSoundCard, visibleText } from './card-checks';

const COMMANDS = [
  'help',
  'my actions',
  'my actions all',
  'summary',
  'summary communications',
  'overdue',
  'action communications 4',
];

describe('welcome card', () => {
  it('tells an officer and head of service who they are and what they can do', () => {
    const card = buildWelcomeCard({
      person: samplePeople.democratic,
      adminContact: 'it.service@council.example',
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Hello, Sam');
    expect(text).toContain('Sam Okafor');
    expect(text).toContain('Head of Democratic Services');
    expect(text).toContain('Democratic Services');
    expect(text).toContain('officer and head of service');
    expect(text).toContain('I’ll prompt you when one is due');
    expect(text).toContain('weekly digest of the actions owned by posts in Democratic Services');
    expect(text).not.toContain('Import plans');
    expect(commandsOf(card)).toEqual(COMMANDS);
  });

  it('tells a chair and an admin what they can do', () => {
    const chair = visibleText(buildWelcomeCard({ person: samplePeople.chair, adminContact: 'IT' }));
    expect(chair).toContain('Hello, Megan');
    expect(chair).toContain('Ask for a summary of a plan');
    expect(chair).toContain('Posts: \nnone');
    expect(chair).not.toContain('I’ll prompt you');
    const admin = buildWelcomeCard({ person: samplePeople.admin, adminContact: 'IT' });
    expectSoundCard(admin);
    expect(visibleText(admin)).toContain('Import plans and assign posts to people.');
    expect(commandsOf(admin)).toContain('assign Head of Finance to sam@council.gov.uk');
  });

  it('explains politely to someone not in the directory who to ask', () => {
    const card = buildWelcomeCard({
      person: null,
      adminContact: 'Digital Services (it.service@council.example)',
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('I can’t find you in the council’s directory');
    expectLiteral(card, 'Digital Services (it.service@council.example)');
    expect(text).toContain('to add you.');
    expect(text).not.toContain('Who you are to me');
  });

  it('shows names, posts and the contact literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const person = {
        ...samplePeople.democratic,
        name: `Sam ${hostile}`,
        posts: [`Head of ${hostile}`],
        service: `Service ${hostile}`,
      };
      const card = buildWelcomeCard({ person, adminContact: `Ask ${hostile}` });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Sam ${hostile}`);
      expectLiteral(card, `Head of ${hostile}`);
      expectLiteral(card, `Service ${hostile}`);
      const unknown = buildWelcomeCard({ person: null, adminContact: `Ask ${hostile}` });
      expectSoundCard(unknown, [hostile]);
      expectLiteral(unknown, `Ask ${hostile}`);
    }
  });

  it('welcomes a team or group chat without anyone’s posts or roles', () => {
    const card = buildWelcomeCard({
      person: samplePeople.marketing,
      adminContact: 'Digital Services',
      shared: true,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Hello, everyone');
    expect(text).not.toContain('Priya');
    expect(text).not.toContain('Head of Marketing');
    expect(text).not.toContain('directory');
  });
});
