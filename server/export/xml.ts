/**
 * A small XML writer: elements as plain values (`el`), serialised with every text and attribute
 * escaped and the characters XML 1.0 cannot hold left out (`writable`), so that no text of a
 * record can break the markup or the file. Inline content is written as given, without
 * indentation, so that the spaces of the text are kept exactly; block elements may be indented.
 */
import { writable } from '../../shared/textValidation.js';

/** An XML element: its name, attributes (undefined ones left out) and children in order. */
export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string | undefined>>;
  children: readonly XmlNode[];
}

/** A child of an element: an element or text. */
export type XmlNode = XmlElement | string;

/** Children as `el` takes them: nodes, nothing (false, null, undefined) or nested lists. */
export type XmlChildren = readonly (XmlNode | XmlChildren | false | null | undefined)[];

/** An element; children that are false, null or undefined are left out, lists flattened. */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | undefined>> = {},
  ...children: XmlChildren
): XmlElement {
  return { name, attrs, children: flatten(children) };
}

function flatten(children: XmlChildren): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    if (typeof c === 'string' || !Array.isArray(c)) out.push(c as XmlNode);
    else out.push(...flatten(c as XmlChildren));
  }
  return out;
}

/** Text escaped for element content. */
export function escapeText(text: string): string {
  return writable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text escaped for a double-quoted attribute value (line breaks and tabs kept as references). */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * The document as text, with its XML declaration. Elements named in `inline` (those holding
 * running text), and any element holding text, are written on one line exactly as given, since
 * a space between their children would be text; the others are indented.
 */
export function serializeXml(root: XmlElement, inline: ReadonlySet<string> = new Set()): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0, inline)}\n`;
}

function write(node: XmlElement, depth: number, inline: ReadonlySet<string>): string {
  if (node.children.length === 0) return `<${node.name}${attributes(node)}/>`;
  if (inline.has(node.name) || node.children.some((c) => typeof c === 'string')) return oneLine(node);
  const pad = '  '.repeat(depth + 1);
  const inner = node.children.map((c) => `\n${pad}${write(c as XmlElement, depth + 1, inline)}`).join('');
  return `<${node.name}${attributes(node)}>${inner}\n${'  '.repeat(depth)}</${node.name}>`;
}

function oneLine(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  if (node.children.length === 0) return `<${node.name}${attributes(node)}/>`;
  return `<${node.name}${attributes(node)}>${node.children.map(oneLine).join('')}</${node.name}>`;
}

function attributes(node: XmlElement): string {
  return Object.entries(node.attrs)
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
}
