// 统一社会信用代码 (GB 32100-2015) check. Pure: runs in the renderer, the core and the CLI.

/** The 31 characters a USCC may use, in the order that gives each its value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 organisation code (positions 9–17): 8 characters and a check character. */
const ORG_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem =
  | { reason: 'empty' }
  | { reason: 'length'; length: number }
  | { reason: 'char'; position: number; char: string }
  | { reason: 'orgCheck'; position: 17; expected: string; got: string }
  | { reason: 'check'; position: 18; expected: string; got: string };

export type UsccResult = { ok: true; value: string } | { ok: false; problem: UsccProblem };

/** The 18th character that the first 17 call for. Input must be 17 valid characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c]!;
}

/** GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CODE_ALPHABET.indexOf(body8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Checks a USCC and says exactly what is wrong: which character is not allowed, or which check
 * character was expected. Lower case is accepted and upper-cased, as people type codes by hand.
 */
export function checkUscc(input: string): UsccResult {
  const value = input.trim().toUpperCase();
  if (value.length === 0) return { ok: false, problem: { reason: 'empty' } };
  if (value.length !== 18) return { ok: false, problem: { reason: 'length', length: value.length } };
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(value[i]!)) {
      return { ok: false, problem: { reason: 'char', position: i + 1, char: value[i]! } };
    }
  }
  // Positions 9–17 are the GB 11714 organisation code, which carries its own check character.
  const orgExpected = orgCodeCheckChar(value.slice(8, 16));
  if (value[16] !== orgExpected) {
    return { ok: false, problem: { reason: 'orgCheck', position: 17, expected: orgExpected, got: value[16]! } };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, problem: { reason: 'check', position: 18, expected, got: value[17]! } };
  }
  return { ok: true, value };
}

/** Builds a valid USCC from a registering authority/kind prefix, a division code and a body. */
export function makeUscc(prefix2: string, division6: string, orgBody8: string): string {
  const first17 = prefix2 + division6 + orgBody8 + orgCodeCheckChar(orgBody8);
  return first17 + usccCheckChar(first17);
}
