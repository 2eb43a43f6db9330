// Benchmark harness: times a figure and its baseline interleaved in the same run, and prints median/p95 in an aligned table.
import { performance } from 'node:perf_hooks';

export interface Stats {
  /** Milliseconds. */
  median: number;
  p95: number;
  n: number;
}

export interface Row {
  figure: string;
  ours: Stats;
  baseline: Stats;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export interface PairOptions {
  reps: number;
  /** Untimed runs of each side first: JIT, page cache, prepared statements. */
  warmup?: number;
}

/**
 * Times `ours` and `baseline` alternately, `reps` times each, so that drift in the machine's load
 * hits both sides alike. Returns the figure's row.
 */
export function comparePair(figure: string, ours: () => void, baseline: () => void, { reps, warmup = 2 }: PairOptions): Row {
  for (let i = 0; i < warmup; i++) {
    ours();
    baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      a.push(timeOnce(ours));
      b.push(timeOnce(baseline));
    } else {
      b.push(timeOnce(baseline));
      a.push(timeOnce(ours));
    }
  }
  return { figure, ours: stats(a), baseline: stats(b) };
}

function ms(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

function cell(s: Stats): string {
  return `${ms(s.median)} / ${ms(s.p95)}`;
}

function ratio(r: Row): string {
  if (!(r.baseline.median > 0)) return '-';
  return `${(r.ours.median / r.baseline.median).toFixed(2)}×`;
}

/** Display width: CJK and other wide characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** The table, as lines: figure | ours | baseline | ratio, times as "median / p95" in ms. */
export function formatTable(rows: readonly Row[]): string[] {
  const header = ['figure', 'ours (ms, median / p95)', 'baseline (ms, median / p95)', 'ratio'];
  const body = rows.map((r) => [r.figure, cell(r.ours), cell(r.baseline), ratio(r)]);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))));
  const line = (cols: string[]): string => cols.map((c, i) => pad(c, widths[i]!, i > 0)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
}

export function printTable(rows: readonly Row[], out: (line: string) => void = console.log): void {
  for (const l of formatTable(rows)) out(l);
}
