// Vectors for the 统一社会信用代码 (GB 32100-2015) check: real published codes, and every way a code can be wrong.
import { describe, expect, it } from 'vitest';
import { checkUscc, makeUscc, orgCodeCheckChar, usccCheckChar, USCC_ALPHABET } from '../../shared/domain/uscc';
import { seededRng } from '../../electron/core/demo/names';

/**
 * Real codes of real organisations, each checked by hand against the algorithm before it was
 * put here, with where it was published.
 */
const REAL: readonly { code: string; who: string; source: string }[] = [
  { code: '91350100M000100Y43', who: 'the worked example of GB 32100-2015', source: 'cited in most descriptions of the standard' },
  { code: '914403001922038216', who: '华为技术有限公司', source: 'https://zh.wikipedia.org/zh-hk/華爲 (infobox, 機構代碼)' },
  { code: '91440300708461136T', who: '深圳市腾讯计算机系统有限公司', source: 'https://check-china.com/example_report/en/8 (Unified social credit code)' },
  {
    code: '9144030067857530XL',
    who: '深圳瑞银信信息技术有限公司',
    source: 'github.com/rebider/agent agentWeb/agentManageWeb/agentManageWeb-cms/src/main/webapp/WEB-INF/views/agent/invoiceShow.jsp (纳税人识别号)',
  },
];

const EXAMPLE = '91350100M000100Y43';

function withCharAt(code: string, position: number, char: string): string {
  return code.slice(0, position - 1) + char + code.slice(position);
}

describe('checkUscc', () => {
  it.each(REAL)('accepts $code ($who)', ({ code }) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('accepts lower case and surrounding spaces, and returns the code upper-cased', () => {
    expect(checkUscc('  91350100m000100y43 ')).toEqual({ ok: true, value: EXAMPLE });
    expect(checkUscc('9144030067857530xl')).toEqual({ ok: true, value: '9144030067857530XL' });
  });

  it('rejects a wrong check character (position 18) and names the expected one', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ ok: false, problem: { reason: 'check', position: 18, expected: '3', got: '4' } });
    for (const { code } of REAL) {
      const right = code[17]!;
      const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(right) + 1) % USCC_ALPHABET.length]!;
      expect(checkUscc(withCharAt(code, 18, wrong))).toEqual({ ok: false, problem: { reason: 'check', position: 18, expected: right, got: wrong } });
    }
  });

  it('rejects a wrong organisation-code check character (position 17) and names the expected one', () => {
    expect(checkUscc('91350100M000100Y53')).toEqual({ ok: false, problem: { reason: 'orgCheck', position: 17, expected: '4', got: '5' } });
    // A code whose 18th character was recomputed for a wrong 17th is still caught by GB 11714.
    const first17 = '91350100M000100Y5';
    expect(checkUscc(first17 + usccCheckChar(first17))).toMatchObject({ ok: false, problem: { reason: 'orgCheck', expected: '4', got: '5' } });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden character %s and says where it is', (char) => {
    for (const position of [1, 9, 12, 18]) {
      expect(checkUscc(withCharAt(EXAMPLE, position, char))).toEqual({ ok: false, problem: { reason: 'char', position, char } });
    }
  });

  it('rejects other characters outside the alphabet with their position', () => {
    expect(checkUscc('9135010-M000100Y43')).toEqual({ ok: false, problem: { reason: 'char', position: 8, char: '-' } });
    expect(checkUscc('91350100M0001０0Y43')).toEqual({ ok: false, problem: { reason: 'char', position: 14, char: '０' } });
  });

  it('rejects a wrong length and an empty input', () => {
    expect(checkUscc(EXAMPLE.slice(0, 17))).toEqual({ ok: false, problem: { reason: 'length', length: 17 } });
    expect(checkUscc(`${EXAMPLE}3`)).toEqual({ ok: false, problem: { reason: 'length', length: 19 } });
    expect(checkUscc('M000100Y4')).toEqual({ ok: false, problem: { reason: 'length', length: 9 } });
    expect(checkUscc('')).toEqual({ ok: false, problem: { reason: 'empty' } });
    expect(checkUscc('   ')).toEqual({ ok: false, problem: { reason: 'empty' } });
  });

  it('computes the GB 11714 check character, including its X and 0 cases', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('19220382')).toBe('1');
    expect(orgCodeCheckChar('67857530')).toBe('X');
    // Bodies whose weighted sum is ≡ 0 (mod 11) give 11 → '0'.
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });
});

describe('makeUscc', () => {
  it('builds codes that checkUscc accepts (seeded property loop)', () => {
    const rng = seededRng(32100);
    const pick = (s: string): string => s[Math.floor(rng() * s.length)]!;
    const prefixes = ['11', '12', '13', '19', '51', '52', '53', '91', '92', '93', 'Y1'];
    for (let i = 0; i < 2000; i++) {
      const prefix = prefixes[Math.floor(rng() * prefixes.length)]!;
      let division = '';
      for (let d = 0; d < 6; d++) division += pick('0123456789');
      let body = '';
      for (let b = 0; b < 8; b++) body += pick(USCC_ALPHABET);
      const code = makeUscc(prefix, division, body);
      expect(code).toHaveLength(18);
      expect(code.startsWith(prefix + division + body)).toBe(true);
      const r = checkUscc(code);
      expect(r.ok, code).toBe(true);
    }
  });

  it('reproduces the real codes from their first 16 characters', () => {
    for (const { code } of REAL) expect(makeUscc(code.slice(0, 2), code.slice(2, 8), code.slice(8, 16))).toBe(code);
  });
});
