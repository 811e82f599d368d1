/**
 * Part of a paragraph's text set with its italics and bold: the runs of a recorded paragraph
 * cut to the characters `from` … `from + text.length`.
 */
import type { SnapshotRun } from '../../shared/snapshot.js';

/** A slice of styled text. */
export interface StyledSlice {
  text: string;
  em: boolean;
  strong: boolean;
}

/** The runs covering `from` … `to` of their joined text, cut at both ends. */
export function runSlices(runs: readonly SnapshotRun[], from: number, to: number): StyledSlice[] {
  const out: StyledSlice[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + run.text.length);
    if (start < end) {
      out.push({
        text: run.text.slice(start - at, end - at),
        em: run.em === true,
        strong: run.strong === true,
      });
    }
    at += run.text.length;
  }
  return out;
}

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
  const slices = runs ? runSlices(runs, from, from + text.length) : [];
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
