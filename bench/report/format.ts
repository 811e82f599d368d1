/** Numbers and tables as the Markdown reports write them. */
import type { Percentiles } from '../stats/histogram.js';

/** One decimal, or a dash for a missing value. */
export const n1 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));
/** Two decimals, or a dash. */
export const n2 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(2));
/** A whole number, or a dash. */
export const n0 = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : Math.round(v).toString();

/** A Markdown table. */
export function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** p50, p95, p99 and max of a distribution. */
export function dist(p: Percentiles): string[] {
  return [n1(p.p50), n1(p.p95), n1(p.p99), n1(p.max)];
}
