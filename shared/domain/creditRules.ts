// Credit rules: when a record counts, what it contributes, the score and the grade, each with its
// reason so every grade explains itself. Pure: the core computes with it, the UI shows the reasons.
import dayjs from 'dayjs';
import type { Polarity } from './catalogue';

export const RECORD_KINDS = ['original', 'amendment', 'revocation'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_STATUSES = ['active', 'disputed', 'amended', 'revoked', 'repaired', 'released', 'expired', 'revocation'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Statuses of records that still count toward a score. A disputed record counts until decided. */
export const COUNTING: readonly RecordStatus[] = ['active', 'disputed'];

export const BASE_SCORE = 100;
/** A counting record at or below this many points is a serious breach: the grade is D whatever the score. */
export const SEVERE_POINTS = -30;

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
/** The lowest score of each grade above D (rules v1 of shared/domain/grading.ts). */
export const THRESHOLDS: readonly [Grade, number][] = [
  ['A', 110],
  ['B', 95],
  ['C', 80],
];

/** The day a record stops being disclosed: its date plus the item's disclosure period. */
export function expiresOn(occurredOn: string, disclosureMonths: number): string {
  return dayjs(occurredOn).add(disclosureMonths, 'month').format('YYYY-MM-DD');
}

export interface StatusFacts {
  kind: RecordKind;
  supersededBy: RecordKind | null;
  repair: { kind: 'repair' | 'release'; effectiveOn: string } | null;
  openObjection: boolean;
  expiresOn: string;
}

/** One status per record, in order of precedence: what happened to it last wins over its age. */
export function recordStatus(f: StatusFacts, today: string): RecordStatus {
  if (f.kind === 'revocation') return 'revocation';
  if (f.supersededBy === 'revocation') return 'revoked';
  if (f.supersededBy === 'amendment') return 'amended';
  if (f.repair && f.repair.effectiveOn <= today) return f.repair.kind === 'release' ? 'released' : 'repaired';
  if (f.expiresOn <= today) return 'expired';
  return f.openObjection ? 'disputed' : 'active';
}

export interface Contribution {
  points: number;
  /** A message key and its values: the UI words it in zh-CN or en. */
  reason: { key: 'counts' | 'notCounting'; status: RecordStatus; polarity: Polarity };
}

export function contribution(status: RecordStatus, points: number, polarity: Polarity): Contribution {
  if (COUNTING.includes(status)) return { points, reason: { key: 'counts', status, polarity } };
  return { points: 0, reason: { key: 'notCounting', status, polarity } };
}

export interface GradeResult {
  score: number;
  grade: Grade;
  /** Why: the threshold reached, or the serious breach that decided it. */
  because: { key: 'threshold'; min: number } | { key: 'belowAll'; min: number } | { key: 'severe'; recordIds: number[] };
}

export function grade(records: { id: number; status: RecordStatus; points: number }[]): GradeResult {
  const counting = records.filter((r) => COUNTING.includes(r.status));
  const score = BASE_SCORE + counting.reduce((s, r) => s + r.points, 0);
  const severe = counting.filter((r) => r.points <= SEVERE_POINTS).map((r) => r.id);
  if (severe.length > 0) return { score, grade: 'D', because: { key: 'severe', recordIds: severe } };
  for (const [g, min] of THRESHOLDS) if (score >= min) return { score, grade: g, because: { key: 'threshold', min } };
  return { score, grade: 'D', because: { key: 'belowAll', min: THRESHOLDS[THRESHOLDS.length - 1]![1] } };
}
