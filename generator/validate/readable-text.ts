/**
 * Whether a text shown to people (a title, a description, a label) can be read: it has something
 * visible, and no character that shows as nothing or acts instead of showing (a control character
 * that moves the cursor of the terminal printing the problem, a bidi override that reorders what
 * follows, a zero-width space that makes two equal-looking titles differ).
 */

/**
 * Controls, format characters (zero-width, bidi), private-use, unassigned, lone surrogates and the
 * line and paragraph separators. A zero-width joiner between two pictographs (👩‍💻) is kept: it
 * draws one emoji.
 */
const UNREADABLE = /(?!(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic}))[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** What draws as nothing: white space, characters meant to be ignored (fillers, variation selectors), the blank braille cell. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

const KINDS: readonly [RegExp, string][] = [
  [/\p{Cc}/u, 'control character'],
  [/\p{Cf}/u, 'invisible formatting character'],
  [/\p{Co}/u, 'private-use character'],
  [/\p{Cn}/u, 'unassigned code point'],
  [/\p{Cs}/u, 'lone surrogate'],
  [/[\p{Zl}\p{Zp}]/u, 'line or paragraph separator'],
];

/** `U+200B` */
const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Combining marks draw only on a base character; alone, they draw (next to) nothing. */
const MARK = /\p{M}/gu;

/** True when the text shows nothing at all (empty, spaces, fillers, marks with no base), or is not text. */
export function isBlank(text: unknown): boolean {
  return typeof text !== 'string' || text.replace(INVISIBLE, '').replace(MARK, '') === '';
}

/**
 * Why the text cannot be read as written, as a phrase naming the first offending character
 * ("contains U+200B (invisible formatting character)"), or undefined. `multiline` texts
 * (descriptions) may hold line breaks and tabs.
 */
export function unreadable(text: string, options: { multiline?: boolean } = {}): string | undefined {
  for (const [char] of text.matchAll(UNREADABLE)) {
    if (options.multiline && (char === '\n' || char === '\t')) continue;
    const kind = KINDS.find(([pattern]) => pattern.test(char))?.[1] ?? 'unreadable character';
    return `contains ${codePoint(char)} (${kind})`;
  }
  return undefined;
}

/** The text with every unreadable character written as an escape, safe to print in a message. */
export function printable(text: string): string {
  return text.replace(UNREADABLE, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** A value quoted for a message, its unreadable characters escaped: 'a\\u{200B}b'. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? `'${printable(value)}'` : String(value);
}
