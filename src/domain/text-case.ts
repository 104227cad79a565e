/**
 * A title in sentence case when it was written in block capitals ("MEMBERS' COMMUNICATIONS
 * PLAN" → "Members' communications plan"); titles already in mixed case are left as written.
 */
export function sentenceCase(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase()) return title;
  const lower = title.toLocaleLowerCase('en-GB');
  return lower.replace(/\p{L}/u, (first) => first.toLocaleUpperCase('en-GB'));
}
