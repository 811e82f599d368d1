/**
 * Part of a paragraph's text set with its italics and bold: the runs of a recorded paragraph
 * cut to the characters `from` … `from + text.length`.
 */
import { type SnapshotRun, sliceRuns } from '../../shared/snapshot.js';

/** Props of `StyledText`. */
export interface StyledTextProps {
  /** The plain text of the slice (shown as is when `runs` is absent or does not match it). */
  text: string;
  /** Offset of the slice in the paragraph. */
  from: number;
  runs?: readonly SnapshotRun[] | undefined;
}

/** The slice with its marks. */
export function StyledText({ text, from, runs }: StyledTextProps) {
  const slices = runs ? sliceRuns(runs, from, from + text.length) : [];
  if (slices.map((s) => s.text).join('') !== text) return <span>{text}</span>;
  return (
    <span>
      {slices.map((s, i) => {
        const key = `${i}-${s.text.length}`;
        const inner = s.strong ? <strong key={key}>{s.text}</strong> : s.text;
        return s.em ? <em key={key}>{inner}</em> : <span key={key}>{inner}</span>;
      })}
    </span>
  );
}
