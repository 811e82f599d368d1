import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { findParagraph, paragraphTextType } from '../../shared/anchors.js';
import { DRAFT_FRAGMENT, schema } from '../../shared/schema.js';
import { touchedParagraphs } from './touchedParagraphs.js';

const para = (pid: string, text: string) => ({
  type: 'operative',
  attrs: { pid },
  content: [{ type: 'text', text }],
});
const json = {
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: 'Declaration' }] },
    para('a', 'We commit to act.'),
    para('b', 'We decide to meet.'),
    para('c', 'We agree to report.'),
  ],
};

/** The server's document, and what `change` made in a copy of it, as one update. */
function updateOf(change: (doc: Y.Doc) => void): { server: Y.Doc; update: Uint8Array } {
  const server = prosemirrorJSONToYDoc(schema, json, DRAFT_FRAGMENT);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  change(client);
  return { server, update: Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)) };
}

const text = (doc: Y.Doc, pid: string) => paragraphTextType(findParagraph(doc, pid)!.element);
const watched = new Set(['b']);
const touched = (change: (doc: Y.Doc) => void, w: ReadonlySet<string> = watched) => {
  const { server, update } = updateOf(change);
  return touchedParagraphs(server, update, w);
};

describe('touchedParagraphs', () => {
  it('sees words typed, deleted or formatted in a watched paragraph', () => {
    expect(touched((d) => text(d, 'b').insert(3, 'firmly '))).toEqual(['b']);
    expect(touched((d) => text(d, 'b').insert(0, 'Now '))).toEqual(['b']);
    expect(touched((d) => text(d, 'b').insert(text(d, 'b').length, ' Soon.'))).toEqual(['b']);
    expect(touched((d) => text(d, 'b').delete(3, 7))).toEqual(['b']);
    expect(touched((d) => text(d, 'b').format(0, 2, { strong: true }))).toEqual(['b']);
  });

  it('sees a watched paragraph removed, moved or its attributes changed', () => {
    expect(touched((d) => d.getXmlFragment(DRAFT_FRAGMENT).delete(2, 1))).toEqual(['b']);
    expect(touched((d) => findParagraph(d, 'b')!.element.setAttribute('pid', 'z'))).toEqual(['b']);
    // A move is a removal and a new copy elsewhere (how y-prosemirror writes one).
    expect(
      touched((d) => {
        const fragment = d.getXmlFragment(DRAFT_FRAGMENT);
        fragment.delete(2, 1);
        const copy = new Y.XmlElement('operative');
        copy.setAttribute('pid', 'b');
        copy.insert(0, [new Y.XmlText('We decide to meet.')]);
        fragment.insert(3, [copy]);
      }),
    ).toEqual(['b']);
  });

  it('lets through changes to other paragraphs and new paragraphs beside a watched one', () => {
    expect(touched((d) => text(d, 'a').insert(3, 'firmly '))).toEqual([]);
    expect(touched((d) => text(d, 'c').delete(0, 3))).toEqual([]);
    expect(
      touched((d) => {
        const fresh = new Y.XmlElement('operative');
        fresh.setAttribute('pid', 'x');
        fresh.insert(0, [new Y.XmlText('A new paragraph.')]);
        d.getXmlFragment(DRAFT_FRAGMENT).insert(3, [fresh]);
        (fresh.firstChild as Y.XmlText).insert(0, 'Indeed, ');
      }),
    ).toEqual([]);
    expect(touched((d) => d.getXmlFragment(DRAFT_FRAGMENT).delete(1, 1))).toEqual([]);
  });

  it('reports every watched paragraph an update touches, and nothing when none is watched', () => {
    const both = (d: Y.Doc) => {
      text(d, 'a').insert(0, 'x');
      text(d, 'b').insert(0, 'y');
      text(d, 'c').insert(0, 'z');
    };
    expect(touched(both, new Set(['a', 'c'])).sort()).toEqual(['a', 'c']);
    expect(touched(both, new Set())).toEqual([]);
  });

  it('does not attribute an item that follows an update not yet arrived', () => {
    const server = prosemirrorJSONToYDoc(schema, json, DRAFT_FRAGMENT);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(client);
    text(client, 'a').insert(0, 'first ');
    const sv2 = Y.encodeStateVector(client);
    text(client, 'a').insert(0, 'second ');
    const second = Y.encodeStateAsUpdate(client, sv2);
    expect(touchedParagraphs(server, second, new Set(['a']))).toEqual([]);
    const first = Y.encodeStateAsUpdate(client, sv);
    expect(touchedParagraphs(server, first, new Set(['a']))).toEqual(['a']);
  });
});
