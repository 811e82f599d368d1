/** The choice between the clean text and the compilation. */
import { messages } from '../i18n/messages.js';
import './readings.css';
import type { TextMode } from './routes.js';

/** Props of `ModeToggle`. */
export interface ModeToggleProps {
  mode: TextMode;
  onChange(mode: TextMode): void;
}

/** Two pressed/unpressed buttons in a labelled group. */
export function ModeToggle({ mode, onChange }: ModeToggleProps) {
  const m = messages.readings.snapshot;
  const modes: [TextMode, string][] = [
    ['clean', m.clean],
    ['compilation', m.compilation],
  ];
  return (
    <fieldset className="mode-toggle">
      <legend className="visually-hidden">{m.view}</legend>
      {modes.map(([value, label]) => (
        <button key={value} type="button" aria-pressed={mode === value} onClick={() => onChange(value)}>
          {label}
        </button>
      ))}
    </fieldset>
  );
}
