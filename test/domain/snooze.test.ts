import { isSnoozed, snoozeKey } from '../../src/domain/nudge-policy';
import { snoozeEnd, snoozeWeeksOf, withSnooze } from '../../src/domain/snooze';

describe('snoozeEnd', () => {
  it('runs to the start of the local day one or two weeks on', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(snoozeEnd(now, 1, 'Europe/London')).toEqual({
      until: '2026-12-02T00:00:00.000Z',
      date: '2026-12-02',
    });
    expect(snoozeEnd(now, 2, 'Europe/London').date).toBe('2026-12-09');
  });

  it('counts days in the local time zone, across a clock change', () => {
    // 23:30 UTC on 24 October is 00:30 on the 25th in London (summer time).
    const now = new Date('2026-10-24T23:30:00Z');
    const end = snoozeEnd(now, 1, 'Europe/London');
    expect(end.date).toBe('2026-11-01');
    // GMT by then: local midnight is midnight UTC.
    expect(end.until).toBe('2026-11-01T00:00:00.000Z');
  });

  it('lets the prompt run on the day the snooze ends go out, and not the one before', () => {
    const now = new Date('2026-11-25T15:00:00Z');
    const end = snoozeEnd(now, 1, 'Europe/London');
    const person = { snoozes: { [snoozeKey('p', '4')]: end.until } };
    expect(isSnoozed(person, 'p', '4', new Date('2026-12-01T09:00:00Z'))).toBe(true);
    expect(isSnoozed(person, 'p', '4', new Date('2026-12-02T09:00:00Z'))).toBe(false);
  });
});

describe('snoozeWeeksOf', () => {
  it('accepts one or two weeks, as a number or its text', () => {
    expect(snoozeWeeksOf(1)).toBe(1);
    expect(snoozeWeeksOf(2)).toBe(2);
    expect(snoozeWeeksOf('2')).toBe(2);
  });

  it.each([0, 3, -1, 1.5, '', 'two', null, undefined, {}])('refuses %j', (value) => {
    expect(snoozeWeeksOf(value)).toBeNull();
  });
});

describe('withSnooze', () => {
  const now = new Date('2026-11-25T10:00:00Z');

  it('adds a snooze and keeps the others still running', () => {
    const snoozes = { 'p/1': '2026-12-01T00:00:00.000Z' };
    expect(withSnooze(snoozes, 'p/4', '2026-12-02T00:00:00.000Z', now)).toEqual({
      'p/1': '2026-12-01T00:00:00.000Z',
      'p/4': '2026-12-02T00:00:00.000Z',
    });
    expect(snoozes).toEqual({ 'p/1': '2026-12-01T00:00:00.000Z' });
  });

  it('replaces a snooze of the same action and drops those already over', () => {
    const snoozes = {
      'p/4': '2026-12-09T00:00:00.000Z',
      'p/2': '2026-11-20T00:00:00.000Z',
      'p/3': 'not a date',
    };
    expect(withSnooze(snoozes, 'p/4', '2026-12-02T00:00:00.000Z', now)).toEqual({
      'p/4': '2026-12-02T00:00:00.000Z',
    });
  });
});
