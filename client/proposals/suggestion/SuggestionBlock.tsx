/**
 * A proposal being written in the compilation text: the number it is written under in the
 * margin ("OP4" for an amendment, in place of the paragraph; "OP5 alt" or "OP5bis" below it),
 * the suggestion editor as its body.
 */
import type { ParagraphKind } from '../../../shared/schema.js';
import { SuggestionEditor, type SuggestionEditorProps } from './SuggestionEditor.js';

/** Props of `SuggestionBlock`: the editor's, and the paragraph written about. */
export interface SuggestionBlockProps extends SuggestionEditorProps {
  pid: string;
  paragraphKind: ParagraphKind;
}

/** The suggestion editor as a paragraph of the compilation text. */
export function SuggestionBlock({ pid, paragraphKind, ...editor }: SuggestionBlockProps) {
  const amend = editor.kind === 'amend';
  return (
    <section
      className={`c-para ${paragraphKind} editing suggestion-block`}
      {...(amend ? { 'data-pid': pid } : { 'data-suggestion-for': pid })}
    >
      <div className="c-margin">
        <span className="c-label c-label-static">{editor.label}</span>
      </div>
      <div className="c-body">
        <SuggestionEditor {...editor} />
      </div>
    </section>
  );
}
