/**
 * The formatting toolbar: block kind (section heading, preambular, operative) and inline marks.
 * Follows the ARIA toolbar pattern: one tab stop, arrow keys move between buttons.
 */
import type { EditorState } from 'prosemirror-state';
import { type KeyboardEvent, useRef, useState, useSyncExternalStore } from 'react';
import { schema } from '../../shared/schema.js';
import { messages } from '../i18n/messages.js';
import { blockKindAt, isMarkActive, setBlockKind, toggleBold, toggleItalic } from './commands.js';
import type { DraftView } from './draftView.js';
import { isEditable } from './editable.js';

/** Props of `Toolbar`. */
export interface ToolbarProps {
  draft: DraftView;
}

interface ToolbarItem {
  id: string;
  label: string;
  /** Key for aria-keyshortcuts and the tooltip, e.g. "I" for Mod-I. */
  key?: string;
  pressed: boolean;
  disabled: boolean;
  run: () => void;
  /** Starts a new group (drawn with a separator). */
  groupStart?: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

function items(draft: DraftView, state: EditorState): ToolbarItem[] {
  const editable = isEditable(state);
  const kind = blockKindAt(state);
  const block = (id: 'section' | 'preambular' | 'operative', label: string): ToolbarItem => ({
    id,
    label,
    pressed: kind === id,
    disabled: !editable || kind === null,
    run: () => draft.run(setBlockKind(id)),
  });
  return [
    block('section', messages.editor.section),
    block('preambular', messages.editor.preambular),
    block('operative', messages.editor.operative),
    {
      id: 'italic',
      label: messages.editor.italic,
      key: 'I',
      pressed: isMarkActive(state, schema.marks.em!),
      disabled: !editable,
      run: () => draft.run(toggleItalic),
      groupStart: true,
    },
    {
      id: 'bold',
      label: messages.editor.bold,
      key: 'B',
      pressed: isMarkActive(state, schema.marks.strong!),
      disabled: !editable,
      run: () => draft.run(toggleBold),
    },
  ];
}

/** The button to focus after `key` in a toolbar of `count` buttons, or null if the key is not ours. */
function nextFocus(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Buttons changing the current block's kind and toggling italic and bold. */
export function Toolbar({ draft }: ToolbarProps) {
  const state = useSyncExternalStore(draft.subscribe, () => draft.view.state);
  const [focused, setFocused] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const list = items(draft, state);

  const moveFocus = (event: KeyboardEvent) => {
    const next = nextFocus(event.key, focused, list.length);
    if (next === null) return;
    event.preventDefault();
    setFocused(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={messages.editor.toolbarLabel} onKeyDown={moveFocus}>
      {list.map((item, index) => {
        const shortcut = item.key ? `${isMac ? '⌘' : 'Ctrl+'}${item.key}` : undefined;
        return (
          <button
            key={item.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={item.groupStart ? 'group-start' : undefined}
            data-action={item.id}
            tabIndex={index === focused ? 0 : -1}
            aria-pressed={item.pressed}
            aria-disabled={item.disabled}
            aria-keyshortcuts={item.key ? `${isMac ? 'Meta' : 'Control'}+${item.key}` : undefined}
            title={shortcut ? messages.editor.shortcut(item.label, shortcut) : undefined}
            // Keep the editor's selection when clicking with the mouse.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocused(index)}
            onClick={() => {
              if (!item.disabled) item.run();
            }}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
