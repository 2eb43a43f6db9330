// 居民身份证号码 (GB 11643-1999) check. Pure: runs in the renderer, the core and the CLI.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem =
  | { reason: 'empty' }
  | { reason: 'length'; length: number }
  | { reason: 'char'; position: number; char: string }
  | { reason: 'date'; date: string }
  | { reason: 'check'; position: 18; expected: string; got: string }
  | { reason: 'gender'; stated: Gender; encoded: Gender };

export type Gender = 'male' | 'female';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: Gender }
  | { ok: false; problem: IdNumberProblem };

/** First six and last four: the division code and the check digits, never the birth date. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length);
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks an 18-character ID number: digits, a real birth date not in the future, the check
 * character, and (when given) that the sequence digit agrees with the stated gender.
 */
export function checkIdNumber(input: string, statedGender?: Gender, today: Date = new Date()): IdNumberResult {
  const value = input.trim().toUpperCase();
  if (value.length === 0) return { ok: false, problem: { reason: 'empty' } };
  if (value.length !== 18) return { ok: false, problem: { reason: 'length', length: value.length } };
  for (let i = 0; i < 17; i++) {
    if (value[i]! < '0' || value[i]! > '9') return { ok: false, problem: { reason: 'char', position: i + 1, char: value[i]! } };
  }
  if (!/[0-9X]/.test(value[17]!)) return { ok: false, problem: { reason: 'char', position: 18, char: value[17]! } };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (y < 1900 || !isRealDate(y, m, d) || Date.UTC(y, m - 1, d) > today.getTime()) {
    return { ok: false, problem: { reason: 'date', date: birthDate } };
  }
  const expected = idCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, problem: { reason: 'check', position: 18, expected, got: value[17]! } };
  const gender: Gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  if (statedGender && statedGender !== gender) {
    return { ok: false, problem: { reason: 'gender', stated: statedGender, encoded: gender } };
  }
  return { ok: true, value, birthDate, gender };
}

/** Builds a valid ID number (used by demo data and tests). */
export function makeIdNumber(division6: string, birth8: string, sequence3: string): string {
  const first17 = division6 + birth8 + sequence3;
  return first17 + idCheckChar(first17);
}
