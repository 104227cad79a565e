// "1. That", "1) That", "(1) That", "1.2 That", "1.2. That", "R1 That", "R1: That", or just "1.".
const LEADING_REF = /^\(?(R\s?)?(\d{1,5}(?:\.\d{1,3})*)(\)|[.:]|\s)\s*/i;

const LETTERED_REF = /^\(?([a-z]|(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}))\)\s*(?=\S|$)/i;

/**
 * Splits the number a recommendation starts with from its text: "1. That a plan…" →
 * { ref: "1", rest: "That a plan…" }. A plain number followed only by a space ("12 Members")
 * is not taken for a ref, nor is a year ("2021 strategy").
 */
export function leadingRef(text: string): { ref: string; rest: string } | null {
  // "a) That", "(b) That", "(iii) That": letters and roman numerals count only with a bracket.
  const lettered = LETTERED_REF.exec(text);
  if (lettered) return { ref: lettered[1].toLowerCase(), rest: text.slice(lettered[0].length) };
  const m = LEADING_REF.exec(text);
  if (!m) {
    // A cell that is nothing but a number ("4") also counts.
    const only = /^\(?(R\s?)?(\d{1,3}(?:\.\d{1,3})*)[.):]?$/i.exec(text.trim());
    return only ? { ref: `${only[1] ? 'R' : ''}${only[2]}`, rest: '' } : null;
  }
  const [whole, r, digits, separator] = m;
  const plain = !r && !digits.includes('.');
  if (plain && /\s/.test(separator)) return null;
  return { ref: `${r ? 'R' : ''}${digits}`, rest: text.slice(whole.length) };
}

/** Tidies a ref column cell: "1." → "1", "#3" → "3", "R 2" → "R2". */
export function cleanRef(cell: string): string {
  return cell
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#\s*/, '')
    .replace(/^R\s(?=\d)/i, 'R')
    .replace(/[.):]$/, '');
}
