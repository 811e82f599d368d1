/**
 * `/n/:id/import`, for co-facilitators while no revision has been circulated: a Word document,
 * an Akoma Ntoso XML file or pasted text is sent for recognition, its structure previewed (title, section headings,
 * PP and OP paragraphs with their numbers), and only after a confirmation replaces the draft.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useConfirm } from '../ConfirmDialog.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import { negotiationPath } from '../routing.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { actionErrorMessage } from './actionError.js';
import { previewBlocks } from './importPreview.js';
import '../proposals/compilation.css';
import './import.css';
import './readings.css';
import './records.css';
import { fetchTimeline, type ImportResult, previewImport, replaceDraft } from './readingsApi.js';
import { timelinePath } from './routes.js';

/** Largest .docx or Akoma Ntoso file the server accepts (server/import/). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What the file inputs accept, by source. */
const ACCEPT = {
  word: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  akn: '.xml,.akn.xml,application/akn+xml,application/xml,text/xml',
} as const;

/** Props of `ImportPage`. */
export interface ImportPageProps {
  id: string;
  me: Me;
}

/** The import page. */
export function ImportPage({ id, me }: ImportPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="timeline" heading={messages.readings.import.heading}>
      {(negotiation) => <ImportGate negotiation={negotiation} />}
    </NegotiationFrame>
  );
}

function ImportGate({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.readings.import;
  const [request, retry] = useRequest((signal) => fetchTimeline(negotiation.id, signal), negotiation.id);
  if (negotiation.me.role !== 'facilitator') return <p className="notice info">{m.onlyFacilitators}</p>;
  if (request.status === 'loading') return <p aria-busy="true">{messages.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  if (request.value.snapshots.length > 0) {
    return (
      <div className="notice info">
        <p>
          {m.circulated} <Link href={timelinePath(negotiation.id)}>{messages.readings.timeline.heading}</Link>
        </p>
      </div>
    );
  }
  return <ImportForm negotiationId={negotiation.id} />;
}

type Source = 'word' | 'akn' | 'paste';

function ImportForm({ negotiationId }: { negotiationId: string }) {
  const m = messages.readings.import;
  const id = useId();
  const [confirmElement, confirm] = useConfirm();
  const [source, setSource] = useState<Source>('word');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'replace' | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [replaced, setReplaced] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setPreview(null);
    setReplaced(false);
    if (source !== 'paste' && !file) return setProblem(source === 'akn' ? m.noAknFile : m.noFile);
    if (source !== 'paste' && file && file.size > MAX_FILE_BYTES) return setProblem(m.tooLarge);
    if (source === 'paste' && text.trim() === '') return setProblem(m.noText);
    setBusy('preview');
    try {
      setPreview(
        await previewImport(
          negotiationId,
          source === 'paste' ? text : { format: source === 'akn' ? 'akn' : 'docx', file: file! },
        ),
      );
    } catch (error) {
      setProblem(actionErrorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const replace = async () => {
    if (!preview) return;
    if (!(await confirm({ message: m.confirmReplace, confirmLabel: m.replace }))) return;
    setBusy('replace');
    setProblem(null);
    try {
      await replaceDraft(negotiationId, preview.doc);
      setReplaced(true);
      setPreview(null);
    } catch (error) {
      setProblem(actionErrorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="import-page">
      <p>{m.intro}</p>
      <form className="form import-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="field-group">
          <legend>{m.source}</legend>
          {(['word', 'akn', 'paste'] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name={`${id}-source`}
                value={s}
                checked={source === s}
                onChange={() => {
                  setSource(s);
                  setFile(null);
                }}
              />
              {m[s]}
            </label>
          ))}
        </fieldset>
        {source !== 'paste' ? (
          <div className="field">
            <label htmlFor={`${id}-file`}>{source === 'akn' ? m.aknFile : m.file}</label>
            <input
              key={source}
              id={`${id}-file`}
              type="file"
              accept={ACCEPT[source]}
              aria-describedby={`${id}-file-hint`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p id={`${id}-file-hint`} className="hint">
              {source === 'akn' ? m.aknFileHint : m.fileHint}
            </p>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-text`}>{m.text}</label>
            <textarea
              id={`${id}-text`}
              rows={12}
              value={text}
              aria-describedby={`${id}-text-hint`}
              onChange={(e) => setText(e.target.value)}
            />
            <p id={`${id}-text-hint`} className="hint">
              {m.textHint}
            </p>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy !== null}>
            {m.preview}
          </button>
          {busy === 'preview' && (
            <span className="loading-line" aria-busy="true">
              <span className="spinner" aria-hidden="true" />
              {m.reading}
            </span>
          )}
        </div>
      </form>
      <div role="alert">{problem && <p className="notice error">{problem}</p>}</div>
      <div role="status">
        {replaced && (
          <p className="notice success">
            {m.replaced} <Link href={negotiationPath(negotiationId)}>{m.openText}</Link>
          </p>
        )}
      </div>
      {preview && (
        <ImportPreviewView result={preview} busy={busy === 'replace'} onReplace={() => void replace()} />
      )}
      {confirmElement}
    </div>
  );
}

interface ImportPreviewViewProps {
  result: ImportResult;
  busy: boolean;
  onReplace(): void;
}

function ImportPreviewView({ result, busy, onReplace }: ImportPreviewViewProps) {
  const m = messages.readings.import;
  const blocks = previewBlocks(result.doc);
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview replaces nothing on screen: the focus moves to it so that it is read next.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="import-preview" aria-labelledby="import-preview-heading" data-testid="import-preview">
      <h2 id="import-preview-heading" ref={heading} tabIndex={-1}>
        {m.previewHeading}
      </h2>
      <dl className="snapshot-facts">
        <div>
          <dt>{m.title}</dt>
          <dd>{result.summary.title || m.untitled}</dd>
        </div>
        <div>
          <dt>{m.structure}</dt>
          <dd data-testid="import-summary">{m.counts(result.summary)}</dd>
        </div>
      </dl>
      <div className="form-actions">
        <button type="button" className="danger" disabled={busy} onClick={onReplace}>
          {busy ? m.replacing : m.replace}
        </button>
      </div>
      <article className="compilation import-sheet" aria-label={m.structure}>
        {blocks.map((b, i) => {
          const key = `${i}-${b.type}`;
          if (b.type === 'title')
            return (
              <p key={key} className="c-title">
                {b.text}
              </p>
            );
          if (b.type === 'section')
            return (
              <p key={key} className="c-section">
                {b.text}
              </p>
            );
          return (
            <div key={key} className={`c-para ${b.type}`}>
              <div className="c-margin">
                <span className="c-label c-label-static">{b.label}</span>
              </div>
              <div className="c-body">
                <p className="c-text">{b.text}</p>
              </div>
            </div>
          );
        })}
      </article>
    </section>
  );
}
