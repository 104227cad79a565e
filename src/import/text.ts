// Zero-width characters and soft hyphens survive copying from Word and PDF but are never meant.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Trims a cell and collapses every run of white space, line breaks included, to one space. */
export function collapse(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Like {@link collapse}, but keeps line breaks (as single newlines) where the cell had them. */
export function collapseLines(text: string): string {
  return text
    .split(/\r\n|\n|\r|\u2028|\u2029/)
    .map(collapse)
    .filter((line) => line !== '')
    .join('\n');
}
