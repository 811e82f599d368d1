/**
 * The working view of a negotiation: a header with status and presence above the text, shown as
 * the compilation (the default reading view) or as the text itself, which co-facilitators edit.
 */
import { useMemo, useState } from 'react';
import { DraftEditor } from './editor/DraftEditor.js';
import { NegotiationHeader } from './NegotiationHeader.js';
import type { Negotiation } from './negotiationsApi.js';
import { localUserOf } from './presence.js';
import { CompilationView } from './proposals/CompilationView.js';
import { ExportLinks } from './readings/ExportLinks.js';
import { LIVE } from './readings/routes.js';
import { StatusBar } from './StatusBar.js';
import type { Me } from './session/sessionApi.js';
import { useConnection } from './useConnection.js';
import { type TextView, ViewSwitch } from './ViewSwitch.js';

/** Props of `DraftWorkspace`. */
export interface DraftWorkspaceProps {
  negotiation: Negotiation;
  me: Me;
}

/** Opens the negotiation's draft: editable for co-facilitators, read-only for everyone else. */
export function DraftWorkspace({ negotiation, me }: DraftWorkspaceProps) {
  const user = useMemo(() => localUserOf(negotiation.me), [negotiation.me]);
  const connection = useConnection(negotiation.docName, user);
  const canEdit = negotiation.me.canEditText;
  // Co-facilitators start where they work, in the text; everyone else reads the compilation.
  const [view, setView] = useState<TextView>(canEdit ? 'text' : 'compilation');
  const viewer = { role: negotiation.me.role, delegation: negotiation.me.delegation };
  return (
    <div className="workspace">
      <NegotiationHeader me={me} negotiation={negotiation} current="text" titleIsHeading>
        {connection && <StatusBar connection={connection} />}
      </NegotiationHeader>
      <main className="draft-area">
        <div className="text-tools">
          <ViewSwitch value={view} canEdit={canEdit} onChange={setView} />
          <ExportLinks
            negotiationId={negotiation.id}
            snapshotId={LIVE}
            mode={view === 'compilation' ? 'compilation' : 'clean'}
            label={negotiation.title}
            currentOnly
          />
        </div>
        {connection &&
          (view === 'text' ? (
            <DraftEditor connection={connection} editable={canEdit} />
          ) : (
            <CompilationView
              negotiationId={negotiation.id}
              doc={connection.doc}
              viewer={viewer}
              personId={negotiation.me.personId}
            />
          ))}
      </main>
    </div>
  );
}
