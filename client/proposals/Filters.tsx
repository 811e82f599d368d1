/** Filters of the compilation: by delegation, by kind, by status. */
import { useId } from 'react';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, type ProposalView } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import type { ProposalFilter } from './compiledText.js';

/** Props of `Filters`. */
export interface FiltersProps {
  filter: ProposalFilter;
  proposals: readonly ProposalView[];
  onChange(filter: ProposalFilter): void;
}

/** Three selects that narrow the proposals shown in the text and in the panel. */
export function Filters({ filter, proposals, onChange }: FiltersProps) {
  const m = messages.proposals;
  const id = useId();
  const delegations = new Map<string, string>();
  for (const p of proposals) {
    delegations.set(p.delegation.code, p.byFacilitators ? m.facilitators : p.delegation.name);
    for (const s of p.supporters) delegations.set(s.code, s.name);
  }
  const sorted = [...delegations].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <fieldset className="filters">
      <legend>{m.panel.filters}</legend>
      <label htmlFor={`${id}-d`}>{m.panel.delegation}</label>
      <select
        id={`${id}-d`}
        value={filter.delegation ?? ''}
        onChange={(e) => onChange({ ...filter, delegation: e.target.value || null })}
      >
        <option value="">{m.panel.all}</option>
        {sorted.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-k`}>{m.panel.kind}</label>
      <select
        id={`${id}-k`}
        value={filter.kind ?? ''}
        onChange={(e) => onChange({ ...filter, kind: (e.target.value || null) as ProposalFilter['kind'] })}
      >
        <option value="">{m.panel.all}</option>
        {PROPOSAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {m.kinds[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-s`}>{m.panel.status}</label>
      <select
        id={`${id}-s`}
        value={filter.status ?? ''}
        onChange={(e) =>
          onChange({ ...filter, status: (e.target.value || null) as ProposalFilter['status'] })
        }
      >
        <option value="">{m.panel.all}</option>
        {PROPOSAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {m.statuses[s]}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
