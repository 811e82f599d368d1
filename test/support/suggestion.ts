/**
 * The suggestion editor as a delegate uses it in a browser test: its text box (a ProseMirror
 * paragraph, not a form field), the proposed text it holds, words selected and typed over, and
 * the brackets it shows.
 */
import type { Locator, Page } from 'playwright-core';

/** The suggestion editor open on `page` (the one named `name`, when given). */
export function suggestionEditor(page: Page, name?: string | RegExp) {
  const form = page.locator('.suggestion-editor');
  const box: Locator = name ? page.getByRole('textbox', { name }) : form.locator('[role="textbox"]');

  /** Selects the first occurrence of `words` in the editable text (not in struck-out words). */
  const select = async (words: string) => {
    await box.evaluate((root, find) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (!n.parentElement?.closest('.ProseMirror-widget')) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const at = all.indexOf(find);
      if (at < 0) throw new Error(`"${find}" is not in the editor's text`);
      const locate = (offset: number, end: boolean) => {
        let start = 0;
        for (const n of nodes) {
          if (offset < start + n.data.length || (end && offset === start + n.data.length))
            return [n, offset - start] as const;
          start += n.data.length;
        }
        const last = nodes.at(-1)!;
        return [last, last.data.length] as const;
      };
      const [a, ao] = locate(at, false);
      const [b, bo] = locate(at + find.length, true);
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(a, ao);
      range.setEnd(b, bo);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, words);
    // ProseMirror reads the selection on `selectionchange`.
    await page.waitForTimeout(50);
  };

  return {
    form,
    box,
    /** The proposed text: the editor's own words, without the struck-out words and brackets it shows. */
    text: () =>
      box.evaluate((root) => {
        const copy = root.cloneNode(true) as HTMLElement;
        for (const w of copy.querySelectorAll('.ProseMirror-widget')) w.remove();
        return copy.textContent ?? '';
      }),
    /** The paragraph as it reads on screen, brackets and struck-out words included (spaces collapsed). */
    reads: () =>
      box.evaluate((root) => {
        const copy = root.cloneNode(true) as HTMLElement;
        for (const h of copy.querySelectorAll('.visually-hidden')) h.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    /** Replaces the whole text, as typed over all of it. */
    fill: (text: string) => box.fill(text),
    select,
    /** Selects `words` and types `replacement` over them, key by key. */
    async replace(words: string, replacement: string) {
      await select(words);
      await page.keyboard.type(replacement, { delay: 10 });
    },
    /** The inserted words as marked. */
    inserted: () => box.locator('ins.sg-ins').allInnerTexts(),
    /** The struck-out words as shown (without their hidden "deleted:" prefix). */
    deleted: () =>
      box.locator('del.sg-del').evaluateAll((els) =>
        els.map((e) => {
          const copy = e.cloneNode(true) as HTMLElement;
          for (const h of copy.querySelectorAll('.visually-hidden')) h.remove();
          return copy.textContent ?? '';
        }),
      ),
    /** What the polite live region last announced. */
    announcement: () => form.getByTestId('suggestion-announcement').innerText(),
  };
}

/** The suggestion editor handle of `suggestionEditor`. */
export type SuggestionEditorHandle = ReturnType<typeof suggestionEditor>;
