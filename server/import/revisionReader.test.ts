import { describe, expect, it } from 'vitest';
import { readParagraph } from '../../shared/wordRevisions.js';
import { docxOf, repeat } from '../../test/support/docxFiles.js';
import {
  commentEnd,
  commentStart,
  del,
  ins,
  label,
  p,
  pMarked,
  t,
  trackedDocx,
} from '../../test/support/trackedDocx.js';
import { DocxImporter } from './docxImport.js';
import { checkDocx, IMPORT_LIMITS } from './docxLimits.js';
import { readRevisions } from './revisionReader.js';

const read = async (file: Buffer) => readRevisions(checkDocx(file, IMPORT_LIMITS));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'read';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
};

describe('readRevisions', () => {
  it('reads kept, deleted and inserted words with their authors, and the paragraph mark', async () => {
    const file = await trackedDocx([
      p(t('Title')),
      p(
        label('OP3'),
        t('We commit to '),
        del('enhance', { author: 'Anna' }),
        ins('strengthen', { author: 'Ben' }),
        t(' cooperation.'),
      ),
      pMarked('del', label('OP4'), del('Gone.')),
    ]);
    const doc = await read(file);
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.paragraphs[1]!.segments).toEqual([
      { kind: 'text', text: 'OP3\tWe commit to ' },
      { kind: 'del', text: 'enhance', author: 'Anna', date: '2022-03-28T10:00:00Z' },
      { kind: 'ins', text: 'strengthen', author: 'Ben', date: '2022-03-28T10:00:00Z' },
      { kind: 'text', text: ' cooperation.' },
    ]);
    expect(doc.paragraphs[1]!.mark).toBeNull();
    expect(doc.paragraphs[2]!.mark).toBe('deleted');
  });

  it('puts each comment on the paragraph where its range begins, with the words it covers', async () => {
    const file = await trackedDocx(
      [
        p(label('PP1'), t('Recalling the ')),
        p(label('OP1'), t('We '), commentStart(7), t('commit'), commentEnd(7), t(' to act.')),
      ],
      { comments: [{ id: 7, text: 'Too weak.', author: 'Capital' }] },
    );
    const doc = await read(file);
    expect(doc.comments).toEqual([
      { paragraph: 1, text: 'Too weak.', author: 'Capital', date: '2022-03-28T10:00:00Z', quoted: 'commit' },
    ]);
  });

  it('leaves out text inserted and deleted again, formatting changes and text boxes', async () => {
    const file = await trackedDocx([
      p(
        label('OP1'),
        t('Keep '),
        '<w:ins w:id="1" w:author="A"><w:del w:id="2" w:author="B"><w:r><w:delText>ghost</w:delText></w:r></w:del></w:ins>',
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="A"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>this</w:t></w:r>',
        '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>',
      ),
    ]);
    const doc = await read(file);
    expect(doc.paragraphs).toHaveLength(1);
    expect(readParagraph(doc.paragraphs[0]!)).toMatchObject({
      label: 'OP1',
      before: 'Keep this',
      after: 'Keep this',
    });
  });

  it('refuses a DOCTYPE with entity declarations (billion laughs) before expanding anything', async () => {
    const lol = `<!DOCTYPE w:document [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`).join('')}]>`;
    const file = await trackedDocx([p(label('OP1'), t('&lol9;'))], { prolog: lol });
    const checked = checkDocx(file, IMPORT_LIMITS);
    expect(codeOf(() => readRevisions(checked))).toBe('IMPORT_DOCTYPE_REFUSED');
    // In the comments part too.
    const inComments = await trackedDocx([p(label('OP1'), t('x'))], {
      commentsXml: '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><c/>',
    });
    expect(codeOf(() => readRevisions(checkDocx(inComments, IMPORT_LIMITS)))).toBe('IMPORT_DOCTYPE_REFUSED');
  });

  it('refuses undeclared entities and malformed XML as not a Word document', async () => {
    const undeclared = await trackedDocx(['<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>']);
    expect(codeOf(() => readRevisions(checkDocx(undeclared, IMPORT_LIMITS)))).toBe('INVALID_BODY');
    const broken = await trackedDocx(['<w:p><w:r><w:t>open']);
    expect(codeOf(() => readRevisions(checkDocx(broken, IMPORT_LIMITS)))).toBe('INVALID_BODY');
  });
});

describe('DocxImporter.readRevisions (in the worker)', () => {
  it('reads a file and refuses hostile ones with their codes', async () => {
    const importer = new DocxImporter();
    const doc = await importer.readRevisions(await trackedDocx([p(label('OP1'), t('a '), ins('b'))]));
    expect(readParagraph(doc.paragraphs[0]!).revisions).toEqual([
      { from: 2, to: 2, deleted: '', inserted: 'b', author: 'Capital', date: '2022-03-28T10:00:00Z' },
    ]);
    const code = (f: Promise<unknown>) =>
      f.then(
        () => 'read',
        (e: { code?: string }) => e.code,
      );
    expect(await code(importer.readRevisions(Buffer.from('not a zip')))).toBe('INVALID_BODY');
    expect(
      await code(
        importer.readRevisions(
          await docxOf(repeat(`<w:p><w:r><w:t>${'x'.repeat(1000)}</w:t></w:r></w:p>`, 20_000)),
        ),
      ),
    ).toBe('IMPORT_UNPACKED_TOO_LARGE');
    expect(
      await code(
        importer.readRevisions(await trackedDocx([p(t('x'))], { prolog: '<!DOCTYPE a [<!ENTITY a "b">]>' })),
      ),
    ).toBe('IMPORT_DOCTYPE_REFUSED');
  }, 30_000);
});
