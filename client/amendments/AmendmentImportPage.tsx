/**
 * `/n/:id/amendments`, for delegations: a Word document edited with Track Changes and comments is
 * read by the server, the proposals it makes are listed for review (each kept or dropped with a
 * checkbox) beside what could not be matched and why, and the kept ones are tabled at once.
 */
import { type FormEvent, useId, useState } from 'react';
import type { ImportPreview } from '../../shared/amendmentImport.js';
import { messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import { actionErrorMessage } from '../readings/actionError.js';
import type { Me } from '../session/sessionApi.js';
import { MAX_DOCX_BYTES, previewAmendments } from './amendmentImportApi.js';
import { ImportReview } from './ImportReview.js';
import '../proposals/compilation.css';
import '../readings/import.css';
import './amendments.css';

/** Props of `AmendmentImportPage`. */
export interface AmendmentImportPageProps {
  id: string;
  me: Me;
}

/** The page. */
export function AmendmentImportPage({ id, me }: AmendmentImportPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="amendments" heading={messages.amendments.heading}>
      {(negotiation) =>
        negotiation.me.role === 'delegate' ? (
          <ImportForm negotiation={negotiation} />
        ) : (
          <p className="notice info">{messages.amendments.onlyDelegates}</p>
        )
      }
    </NegotiationFrame>
  );
}

function ImportForm({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.amendments;
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // Each preview gets its own review, with fresh choices.
  const [round, setRound] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setPreview(null);
    if (!file) return setProblem(m.noFile);
    if (file.size > MAX_DOCX_BYTES) return setProblem(m.tooLarge);
    setBusy(true);
    try {
      setPreview(await previewAmendments(negotiation.id, file));
      setRound((n) => n + 1);
    } catch (error) {
      setProblem(actionErrorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-page amendment-import">
      <p>{m.intro}</p>
      <form className="form import-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{m.file}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p id={`${id}-file-hint`} className="hint">
            {m.fileHint}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {m.read}
          </button>
          {busy && (
            <span className="loading-line" role="status" aria-busy="true">
              <span className="spinner" aria-hidden="true" />
              {m.reading}
            </span>
          )}
        </div>
      </form>
      <div role="alert">{problem && <p className="notice error">{problem}</p>}</div>
      {preview && <ImportReview key={round} negotiation={negotiation} preview={preview} />}
    </div>
  );
}
