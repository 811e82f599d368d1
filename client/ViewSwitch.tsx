/** The switch between the compilation text and the text itself (edited by co-facilitators). */
import { messages } from './i18n/messages.js';

/** How the negotiation page shows the text. */
export type TextView = 'compilation' | 'text';

/** Props of `ViewSwitch`. */
export interface ViewSwitchProps {
  value: TextView;
  /** Co-facilitators edit the text; everyone else reads it clean. */
  canEdit: boolean;
  onChange(view: TextView): void;
}

/** Two toggle buttons in a labelled group. */
export function ViewSwitch({ value, canEdit, onChange }: ViewSwitchProps) {
  const m = messages.proposals.views;
  const options: [TextView, string][] = [
    ['compilation', m.compilation],
    ['text', canEdit ? m.edit : m.clean],
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="text-view-switch" role="group" aria-label={m.label}>
      {options.map(([view, label]) => (
        <button
          key={view}
          type="button"
          data-view={view}
          aria-pressed={value === view}
          onClick={() => onChange(view)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
