/**
 * What text may enter a record, and what a writer must leave out of one. Every entry point
 * (proposals, written inputs, questions, roadmap entries, names, imported drafts) checks its text
 * with `textProblem` and stores it as `normalizeText` gives it; every writer (Word, iCalendar)
 * passes what it writes through `writable`, so that even records stored before these checks
 * export to valid files.
 *
 * Refused: Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, such
 * as U+FFFE), lone surrogates, C0 and C1 control characters (tab and line feed only where several
 * lines are allowed), and the bidirectional embeddings and overrides U+202A–U+202E, which make
 * text display in another order than it is stored. A text, or a change to one, made only of
 * invisible characters (zero-width and other format characters) is refused too.
 */

/** What a field allows. */
export interface TextRules {
  /** Tab and line feed allowed (a carriage return, alone or before a line feed, becomes a line feed). */
  multiline?: boolean;
}

/** Kinds of problem a text may have. */
export type TextProblemKind = 'noncharacter' | 'surrogate' | 'control' | 'bidi-override' | 'invisible';

/** The first problem found in a text; `codePoint` and `index` (UTF-16) locate a bad character. */
export type TextProblem =
  | { kind: Exclude<TextProblemKind, 'invisible'>; codePoint: number; index: number }
  | { kind: 'invisible' };

/** Characters that show nothing by themselves: format characters (Cf) and a few fillers and selectors. */
const INVISIBLE = /\p{Cf}|\u034F|\u115F|\u1160|\u3164|\uFFA0|\p{Variation_Selector}/gu;
const SURROGATE = /[\uD800-\uDFFF]/u;
const BIDI_OVERRIDE = /[\u202A-\u202E]/u;

function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

function isControl(cp: number, multiline: boolean): boolean {
  if (multiline && (cp === 0x09 || cp === 0x0a)) return false;
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
}

/** The text as stored: line ends as line feeds (where lines are allowed), then NFC. */
export function normalizeText(text: string, rules: TextRules = {}): string {
  const lines = rules.multiline ? text.replace(/\r\n?/g, '\n') : text;
  // A string with a lone surrogate is left as it is, for `textProblem` to name it.
  return SURROGATE.test(lines) ? lines : lines.normalize('NFC');
}

/** The first character a record may not hold, or an invisible-only text; null when the text is fine. */
export function textProblem(text: string, rules: TextRules = {}): TextProblem | null {
  const multiline = rules.multiline ?? false;
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (SURROGATE.test(ch)) return { kind: 'surrogate', codePoint: cp, index };
    if (isNoncharacter(cp)) return { kind: 'noncharacter', codePoint: cp, index };
    if (isControl(cp, multiline)) return { kind: 'control', codePoint: cp, index };
    if (BIDI_OVERRIDE.test(ch)) return { kind: 'bidi-override', codePoint: cp, index };
    index += ch.length;
  }
  if (text.length > 0 && !hasVisible(text)) return { kind: 'invisible' };
  return null;
}

/** True when a text has something to see: a character that is neither white space nor invisible. */
export function hasVisible(text: string): boolean {
  return text.replace(INVISIBLE, '').trim().length > 0;
}

/**
 * True when `after` differs from `before` only in what cannot be seen: invisible characters
 * added or removed, or the same characters composed differently (canonically equivalent).
 */
export function invisibleChange(before: string, after: string): boolean {
  if (before === after) return false;
  const seen = (t: string) => (SURROGATE.test(t) ? t : t.normalize('NFC')).replace(INVISIBLE, '');
  return seen(before) === seen(after);
}

/** "U+FFFE" */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A readable sentence naming the problem (the field, when given, in front). */
export function describeTextProblem(p: TextProblem, field?: string): string {
  const where = field ? `${field}: ` : '';
  if (p.kind === 'invisible')
    return `${where}the text has nothing visible in it: only zero-width or other invisible characters.`;
  const at = `${codePointName(p.codePoint)} at position ${p.index + 1}`;
  switch (p.kind) {
    case 'noncharacter':
      return `${where}the text contains ${at}, a Unicode noncharacter that documents may not hold.`;
    case 'surrogate':
      return `${where}the text contains a lone surrogate (${at}): it is not valid Unicode text.`;
    case 'control':
      return `${where}the text contains the control character ${at}.`;
    case 'bidi-override':
      return `${where}the text contains the bidirectional override or embedding ${at}, which changes the order in which the text is shown.`;
  }
}

/**
 * What a writer keeps of a text: everything but noncharacters, lone surrogates and control
 * characters other than tab, line feed and carriage return (the characters XML 1.0 and
 * iCalendar cannot hold, and the others a record may not), so that text stored before these
 * checks still makes a valid file.
 */
export function writable(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (SURROGATE.test(ch) || isNoncharacter(cp)) continue;
    if (cp !== 0x0d && isControl(cp, true)) continue;
    out += ch;
  }
  return out;
}

/** `writable` applied to every string inside a value (objects, arrays), for a writer's whole input. */
export function writableDeep<T>(value: T): T {
  if (typeof value === 'string') return writable(value) as T;
  if (Array.isArray(value)) return value.map((v) => writableDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = writableDeep(v);
    return out as T;
  }
  return value;
}
