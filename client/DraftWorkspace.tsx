/** The working view of a negotiation: a header with status and presence above the draft. */
import { useMemo } from 'react';
import { DraftEditor } from './editor/DraftEditor.js';
import { NegotiationHeader } from './NegotiationHeader.js';
import type { Negotiation } from './negotiationsApi.js';
import { localUserOf } from './presence.js';
import { StatusBar } from './StatusBar.js';
import type { Me } from './session/sessionApi.js';
import { useConnection } from './useConnection.js';

/** Props of `DraftWorkspace`. */
export interface DraftWorkspaceProps {
  negotiation: Negotiation;
  me: Me;
}

/** Opens the negotiation's draft: editable for co-facilitators, read-only for everyone else. */
export function DraftWorkspace({ negotiation, me }: DraftWorkspaceProps) {
  const user = useMemo(() => localUserOf(negotiation.me), [negotiation.me]);
  const connection = useConnection(negotiation.docName, user);
  return (
    <div className="workspace">
      <NegotiationHeader me={me} negotiation={negotiation} current="text" titleIsHeading>
        {connection && <StatusBar connection={connection} />}
      </NegotiationHeader>
      <main className="draft-area">
        {connection && <DraftEditor connection={connection} editable={negotiation.me.canEditText} />}
      </main>
    </div>
  );
}
