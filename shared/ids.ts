/** Random identifiers for paragraphs and other records, safe in URLs and attributes. */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new random id of `length` base-36 characters (about 5.2 bits each). */
export function newId(length = 12): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
