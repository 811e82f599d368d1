/** "Table as": the delegate's own delegation or a group it belongs to. */
import { delegationByCode, groupsOf } from '../../shared/delegations.js';
import { messages } from '../i18n/messages.js';

/** The codes a delegate may table for: their delegation, then its groups. */
export function tablingOptions(delegation: string | null): { code: string; name: string }[] {
  if (!delegation) return [];
  const own = { code: delegation, name: delegationByCode(delegation)?.name ?? delegation };
  return [own, ...groupsOf(delegation).map((g) => ({ code: g.code, name: g.name }))];
}

/** Props of `TablingAs`. */
export interface TablingAsProps {
  id: string;
  options: readonly { code: string; name: string }[];
  value: string;
  onChange(code: string): void;
}

/** A select of the delegations a delegate may table for; nothing when there is only one. */
export function TablingAs({ id, options, value, onChange }: TablingAsProps) {
  if (options.length < 2) return null;
  return (
    <label className="field-inline" htmlFor={id}>
      {messages.proposals.editor.tableAs}{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
