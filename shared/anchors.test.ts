import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AnchorResolver,
  anchorChanges,
  findParagraph,
  paragraphFingerprint,
  paragraphTextType,
  plainText,
  resolveChanges,
} from './anchors.js';
import { DRAFT_FRAGMENT } from './schema.js';
import { wordChanges } from './wordDiff.js';

const BASE = 'We commit to strengthen cooperation, in line with international law.';

function draft(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const para = new Y.XmlElement('operative');
  para.setAttribute('pid', 'op05');
  doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [para]);
  const text = paragraphTextType(para);
  text.insert(0, BASE);
  return { doc, text };
}

describe('anchors', () => {
  it('resolve to the same words after edits elsewhere in the paragraph', () => {
    const { doc, text } = draft();
    const changes = wordChanges(
      BASE,
      'We commit to further strengthen cooperation, consistent with international law.',
    );
    const anchored = anchorChanges(text, changes);
    text.insert(0, 'Today, ');
    text.insert(plainText(text).length - 1, ' and standards');
    const ranges = resolveChanges(doc, 'op05', anchored)!;
    expect(ranges).not.toBeNull();
    const now = plainText(text);
    expect(now.slice(ranges[1]!.from, ranges[1]!.to)).toBe('in line');
    expect(now.slice(0, ranges[0]!.from)).toBe('Today, We commit to ');
  });

  it('becomes unresolvable when the targeted words are rewritten or deleted', () => {
    const { doc, text } = draft();
    const anchored = anchorChanges(
      text,
      wordChanges(BASE, 'We commit to strengthen cooperation, consistent with international law.'),
    );
    text.delete(BASE.indexOf('line'), 4);
    text.insert(BASE.indexOf('line'), 'accordance');
    expect(resolveChanges(doc, 'op05', anchored)).toBeNull();
  });

  it('becomes unresolvable when the paragraph is gone', () => {
    const { doc, text } = draft();
    const anchored = anchorChanges(text, wordChanges(BASE, 'We commit to cooperation.'));
    doc.getXmlFragment(DRAFT_FRAGMENT).delete(0, 1);
    expect(findParagraph(doc, 'op05')).toBeUndefined();
    expect(resolveChanges(doc, 'op05', anchored)).toBeNull();
  });
});

describe('paragraph fingerprints', () => {
  it('change when the words change, even back to the same text, and not otherwise', () => {
    const { doc, text } = draft();
    const other = new Y.XmlElement('operative');
    other.setAttribute('pid', 'op06');
    doc.getXmlFragment(DRAFT_FRAGMENT).insert(1, [other]);
    paragraphTextType(other).insert(0, 'Another paragraph.');
    const element = findParagraph(doc, 'op05')!.element;
    const before = paragraphFingerprint(element);

    paragraphTextType(other).insert(0, 'Edited: ');
    expect(paragraphFingerprint(element)).toBe(before);

    text.delete(0, 2);
    text.insert(0, 'We');
    expect(plainText(text)).toBe(BASE);
    expect(paragraphFingerprint(element)).not.toBe(before);

    const retyped = paragraphFingerprint(element);
    text.format(0, 2, { em: true });
    expect(paragraphFingerprint(element)).not.toBe(retyped);
    expect(paragraphFingerprint(undefined)).toBe('missing');
  });

  it('resolve many amendments against one resolver as resolveChanges does one by one', () => {
    const { doc, text } = draft();
    const anchored = anchorChanges(text, wordChanges(BASE, 'We commit to strengthen cooperation under law.'));
    const resolver = new AnchorResolver(doc);
    expect(resolver.resolve('op05', anchored)).toEqual(resolveChanges(doc, 'op05', anchored));
    expect(resolver.resolve('nope', anchored)).toBeNull();
  });
});
