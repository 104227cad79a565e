import { cleanRef, leadingRef } from '../../src/import/refs';

describe('leadingRef', () => {
  it.each([
    ['1. That a plan', '1', 'That a plan'],
    ['1) That', '1', 'That'],
    ['(3) That', '3', 'That'],
    ['1.2 That', '1.2', 'That'],
    ['1.2. That', '1.2', 'That'],
    ['R1 That', 'R1', 'That'],
    ['r 4: That', 'R4', 'That'],
    ['12.', '12', ''],
    ['5', '5', ''],
    ['a) That', 'a', 'That'],
    ['(b) That', 'b', 'That'],
    ['(iii) That', 'iii', 'That'],
    ['1000. That', '1000', 'That'],
  ])('reads %j', (text, ref, rest) => {
    expect(leadingRef(text)).toEqual({ ref, rest });
  });

  it.each([
    'That a plan',
    '2021 strategy',
    '12 Members should',
    'Review 3 things',
    '',
    'A review',
    'I) think'.slice(2),
  ])('finds no ref in %j', (text) => {
    expect(leadingRef(text)).toBeNull();
  });
});

describe('cleanRef', () => {
  it('tidies a ref cell', () => {
    expect(['1.', '#3', 'R 2', ' 4 ', 'A1)'].map(cleanRef)).toEqual(['1', '3', 'R2', '4', 'A1']);
  });
});
