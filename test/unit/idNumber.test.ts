// Vectors for the 居民身份证号码 (GB 11643-1999) check: the standard's example and every way a number can be wrong.
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, makeIdNumber } from '../../shared/domain/idNumber';
import { seededRng } from '../../electron/core/demo/names';

const EXAMPLE = '11010519491231002X';
const TODAY = new Date(Date.UTC(2026, 10, 24, 8, 0, 0));

describe('checkIdNumber', () => {
  it('accepts the example of the standard: a woman born 1949-12-31', () => {
    expect(checkIdNumber(EXAMPLE, undefined, TODAY)).toEqual({ ok: true, value: EXAMPLE, birthDate: '1949-12-31', gender: 'female' });
    expect(checkIdNumber(EXAMPLE, 'female', TODAY).ok).toBe(true);
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(checkIdNumber(' 11010519491231002x ', undefined, TODAY)).toMatchObject({ ok: true, value: EXAMPLE });
  });

  it('rejects a wrong check character and names the expected one', () => {
    expect(checkIdNumber('110105194912310021', undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'check', position: 18, expected: 'X', got: '1' } });
    expect(checkIdNumber('11010519491231002Y', undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'char', position: 18, char: 'Y' } });
  });

  it('rejects an impossible birth date, even with a correct check character', () => {
    for (const birth of ['19990230', '19990431', '20010229', '19991301', '19990001', '19990100']) {
      const id = makeIdNumber('410481', birth, '123');
      expect(checkIdNumber(id, undefined, TODAY), birth).toMatchObject({ ok: false, problem: { reason: 'date' } });
    }
    expect(checkIdNumber(makeIdNumber('410481', '19990230', '123'), undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'date', date: '1999-02-30' } });
    // 2000 was a leap year.
    expect(checkIdNumber(makeIdNumber('410481', '20000229', '123'), undefined, TODAY).ok).toBe(true);
  });

  it('rejects a birth date in the future or before 1900', () => {
    expect(checkIdNumber(makeIdNumber('410481', '20261125', '123'), undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'date', date: '2026-11-25' } });
    expect(checkIdNumber(makeIdNumber('410481', '20300101', '123'), undefined, TODAY)).toMatchObject({ ok: false, problem: { reason: 'date' } });
    expect(checkIdNumber(makeIdNumber('410481', '18991231', '123'), undefined, TODAY)).toMatchObject({ ok: false, problem: { reason: 'date' } });
    expect(checkIdNumber(makeIdNumber('410481', '20261124', '123'), undefined, TODAY).ok).toBe(true);
  });

  it('rejects a wrong length and an empty input', () => {
    expect(checkIdNumber(EXAMPLE.slice(0, 17), undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'length', length: 17 } });
    expect(checkIdNumber(`${EXAMPLE}0`, undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'length', length: 19 } });
    // The old 15-digit numbers are not accepted.
    expect(checkIdNumber('110105491231002', undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'length', length: 15 } });
    expect(checkIdNumber('', undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'empty' } });
  });

  it('rejects a letter in the middle with its position', () => {
    expect(checkIdNumber('1101051949A231002X', undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'char', position: 11, char: 'A' } });
    expect(checkIdNumber('X10105194912310021', undefined, TODAY)).toEqual({ ok: false, problem: { reason: 'char', position: 1, char: 'X' } });
  });

  it('rejects a stated gender that disagrees with the sequence digit', () => {
    expect(checkIdNumber(EXAMPLE, 'male', TODAY)).toEqual({ ok: false, problem: { reason: 'gender', stated: 'male', encoded: 'female' } });
    const man = makeIdNumber('410481', '19800101', '123');
    expect(checkIdNumber(man, 'male', TODAY)).toMatchObject({ ok: true, gender: 'male' });
    expect(checkIdNumber(man, 'female', TODAY)).toEqual({ ok: false, problem: { reason: 'gender', stated: 'female', encoded: 'male' } });
  });
});

describe('makeIdNumber', () => {
  it('round-trips: what it builds is accepted with the same birth date and gender (seeded loop)', () => {
    const rng = seededRng(11643);
    const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    for (let i = 0; i < 2000; i++) {
      const y = int(1900, 2025);
      const m = int(1, 12);
      const d = int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
      const seq = int(0, 999);
      const division = pad(int(110000, 659999), 6);
      const id = makeIdNumber(division, `${y}${pad(m, 2)}${pad(d, 2)}`, pad(seq, 3));
      const gender = seq % 2 === 1 ? 'male' : 'female';
      expect(checkIdNumber(id, gender, TODAY), id).toEqual({ ok: true, value: id, birthDate: `${y}-${pad(m, 2)}-${pad(d, 2)}`, gender });
    }
  });

  it('uses the standard check characters (the X case included)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(makeIdNumber('110105', '19491231', '002')).toBe(EXAMPLE);
  });
});
