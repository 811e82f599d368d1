/**
 * Latency distributions. A histogram with logarithmic buckets (1 % wide) keeps any number of
 * samples in fixed memory and answers percentiles within 1 %; the exact maximum is kept apart.
 */

const MIN_MS = 0.001;
const GROWTH = Math.log(1.01);
const BUCKETS = 2200; // up to about 30 minutes

/** Percentiles of a distribution in milliseconds (null when there were no samples). */
export interface Percentiles {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/** A histogram as it crosses a process boundary (see `Histogram.toJSON`). */
export interface HistogramJson {
  /** Non-empty buckets as [index, count]. */
  buckets: [number, number][];
  n: number;
  sum: number;
  max: number;
}

/** A histogram of millisecond values. */
export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  private n = 0;
  private sum = 0;
  private maxValue = 0;

  /** Adds one sample (negative values count as zero). */
  add(ms: number): void {
    const v = Math.max(ms, 0);
    const i = v <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(v / MIN_MS) / GROWTH));
    this.counts[i]! += 1;
    this.n++;
    this.sum += v;
    if (v > this.maxValue) this.maxValue = v;
  }

  /** Adds every sample of another histogram. */
  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.n += other.n;
    this.sum += other.sum;
    this.maxValue = Math.max(this.maxValue, other.maxValue);
  }

  get count(): number {
    return this.n;
  }

  /** The histogram as plain data, e.g. to send it to another process. */
  toJSON(): HistogramJson {
    const buckets: [number, number][] = [];
    this.counts.forEach((c, i) => {
      if (c > 0) buckets.push([i, c]);
    });
    return { buckets, n: this.n, sum: this.sum, max: this.maxValue };
  }

  /** A histogram from `toJSON`'s data. */
  static fromJSON(json: HistogramJson): Histogram {
    const h = new Histogram();
    for (const [i, c] of json.buckets) h.counts[i] = c;
    h.n = json.n;
    h.sum = json.sum;
    h.maxValue = json.max;
    return h;
  }

  /** The value below which a fraction `q` (0–1) of the samples fall. */
  quantile(q: number): number | null {
    if (this.n === 0) return null;
    const target = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= target) return Math.min(this.maxValue, i === 0 ? MIN_MS : MIN_MS * Math.exp(i * GROWTH));
    }
    return this.maxValue;
  }

  /** The usual summary. */
  summary(): Percentiles {
    return {
      count: this.n,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.n === 0 ? null : this.maxValue,
      mean: this.n === 0 ? null : this.sum / this.n,
    };
  }
}

/** Percentiles of a small list of values (exact). */
export function percentilesOf(values: readonly number[]): Percentiles {
  const h = new Histogram();
  for (const v of values) h.add(v);
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length === 0 ? null : sorted[sorted.length - 1]!,
    mean: sorted.length === 0 ? null : sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
