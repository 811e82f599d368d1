/** The working view of a negotiation: a header with status and presence above the draft. */
import { useMemo } from 'react';
import type { Negotiation } from './api.js';
import { DraftEditor } from './editor/DraftEditor.js';
import { IdentityControl } from './IdentityControl.js';
import { messages } from './i18n/messages.js';
import { identityFor } from './identity.js';
import { Link } from './Link.js';
import { StatusBar } from './StatusBar.js';
import { useConnection } from './useConnection.js';

/** Props of `DraftWorkspace`. */
export interface DraftWorkspaceProps {
  negotiation: Negotiation;
  /** The display name of the person at this browser. */
  name: string;
}

/** Opens the negotiation's draft for editing together. */
export function DraftWorkspace({ negotiation, name }: DraftWorkspaceProps) {
  const identity = useMemo(() => identityFor(name), [name]);
  const connection = useConnection(negotiation.docName, identity);
  return (
    <div className="workspace">
      <header className="app-header">
        <div className="header-top">
          <Link href="/" className="back-link">
            {messages.negotiation.allNegotiations}
          </Link>
          <h1 className="negotiation-title">{negotiation.title}</h1>
          <IdentityControl name={name} />
        </div>
        {connection && <StatusBar connection={connection} />}
      </header>
      <main className="draft-area">
        {connection && <DraftEditor connection={connection} editable={negotiation.canEditText} />}
      </main>
    </div>
  );
}
