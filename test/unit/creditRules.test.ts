// The credit rules of shared/domain: status precedence, contributions, score and grade.
import { describe, expect, it } from 'vitest';
import { contribution, expiresOn, grade, recordStatus, type StatusFacts } from '../../shared/domain/creditRules';

const base: StatusFacts = { kind: 'original', supersededBy: null, repair: null, openObjection: false, expiresOn: '2027-01-01' };
const today = '2026-11-24';

describe('record status', () => {
  it('follows what happened last before the record’s age', () => {
    expect(recordStatus(base, today)).toBe('active');
    expect(recordStatus({ ...base, openObjection: true }, today)).toBe('disputed');
    expect(recordStatus({ ...base, expiresOn: today }, today)).toBe('expired');
    expect(recordStatus({ ...base, expiresOn: today, supersededBy: 'amendment' }, today)).toBe('amended');
    expect(recordStatus({ ...base, supersededBy: 'revocation', openObjection: true }, today)).toBe('revoked');
    expect(recordStatus({ ...base, kind: 'revocation' }, today)).toBe('revocation');
    expect(recordStatus({ ...base, repair: { kind: 'repair', effectiveOn: today } }, today)).toBe('repaired');
    expect(recordStatus({ ...base, repair: { kind: 'release', effectiveOn: '2026-01-01' } }, today)).toBe('released');
  });

  it('keeps a repair dated in the future from taking effect early', () => {
    expect(recordStatus({ ...base, repair: { kind: 'repair', effectiveOn: '2026-12-01' } }, today)).toBe('active');
  });

  it('ends disclosure after the item’s period, month by month', () => {
    expect(expiresOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(expiresOn('2024-02-29', 12)).toBe('2025-02-28');
    expect(expiresOn('2026-05-10', 24)).toBe('2028-05-10');
  });
});

describe('score and grade', () => {
  it('counts only active and disputed records', () => {
    expect(contribution('active', -10, 'negative').points).toBe(-10);
    expect(contribution('disputed', 5, 'positive').points).toBe(5);
    for (const s of ['expired', 'revoked', 'amended', 'repaired', 'released'] as const) expect(contribution(s, -10, 'negative')).toEqual({ points: 0, reason: { key: 'notCounting', status: s, polarity: 'negative' } });
  });

  it('grades by thresholds and explains which one', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'B', because: { key: 'threshold', min: 95 } });
    expect(grade([{ id: 1, status: 'active', points: 10 }])).toMatchObject({ score: 110, grade: 'A' });
    expect(grade([{ id: 1, status: 'active', points: -6 }])).toMatchObject({ score: 94, grade: 'C', because: { key: 'threshold', min: 80 } });
    expect(grade([{ id: 1, status: 'active', points: -25 }])).toMatchObject({ score: 75, grade: 'D', because: { key: 'belowAll', min: 80 } });
  });

  it('makes a serious breach D whatever the score, naming the record', () => {
    const r = grade([
      { id: 7, status: 'active', points: -30 },
      { id: 8, status: 'active', points: 60 },
      { id: 9, status: 'expired', points: -50 },
    ]);
    expect(r).toEqual({ score: 130, grade: 'D', because: { key: 'severe', recordIds: [7] } });
  });
});
