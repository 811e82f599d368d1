/**
 * Word downloads (clean and compilation), the Akoma Ntoso download and the print view of a
 * snapshot or of the live text.
 */
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { DownloadLink } from './DownloadLink.js';
import './readings.css';
import { aknPath, docxPath, printPath, type TextMode } from './routes.js';

/** Props of `ExportLinks`. */
export interface ExportLinksProps {
  negotiationId: string;
  /** A snapshot id or `live`. */
  snapshotId: string;
  /** The view the print link opens in. */
  mode?: TextMode;
  /** Name to save under if the server suggests none. */
  label: string;
  /** Only the Word file of `mode` (where space is short and the view says which one is meant). */
  currentOnly?: boolean;
  className?: string;
}

/** "Download .docx (clean)", "Download .docx (compilation)", "Download Akoma Ntoso", "Print view". */
export function ExportLinks({
  negotiationId,
  snapshotId,
  mode = 'clean',
  label,
  currentOnly = false,
  className,
}: ExportLinksProps) {
  const m = messages.readings.exports;
  const fallback = (suffix: string) => `${label.replace(/[^\w.-]+/g, '-')}${suffix}.docx`;
  return (
    <ul className={`export-links${className ? ` ${className}` : ''}`} aria-label={m.heading}>
      {(!currentOnly || mode === 'clean') && (
        <li>
          <DownloadLink href={docxPath(negotiationId, snapshotId, 'clean')} fallbackName={fallback('')}>
            {m.docxClean}
          </DownloadLink>
        </li>
      )}
      {(!currentOnly || mode === 'compilation') && (
        <li>
          <DownloadLink
            href={docxPath(negotiationId, snapshotId, 'compilation')}
            fallbackName={fallback('_compilation')}
          >
            {m.docxCompilation}
          </DownloadLink>
        </li>
      )}
      <li>
        <DownloadLink
          href={aknPath(negotiationId, snapshotId)}
          fallbackName={`${label.replace(/[^\w.-]+/g, '-')}.akn.xml`}
          preparing={m.preparingAkn}
          title={m.aknHint}
        >
          {m.akn}
        </DownloadLink>
      </li>
      <li>
        <Link href={printPath(negotiationId, snapshotId, mode)} className="button-link">
          <span className="print-icon" aria-hidden="true" />
          {m.printView}
        </Link>
      </li>
    </ul>
  );
}
