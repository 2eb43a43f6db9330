// The character rule for names and texts (shared/domain/text.ts): every refused range, the
// multi-line exception for descriptions, positions counted as a person counts, and the names.
import { describe, expect, it } from 'vitest';
import { describeForbiddenChar, findForbiddenChar, isCleanText } from '../../shared/domain/text';

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('findForbiddenChar', () => {
  it('lets ordinary names and numbers through, Chinese, Latin, full-width and rare characters alike', () => {
    for (const s of ['王镕', '李堃', 'Zhang San', '欧阳·娜娜', '４１０４８１', 'S-0012', '𠀋𡈽', '']) expect(findForbiddenChar(s), s).toBeNull();
  });

  it('refuses every C0 control, DEL and every C1 control', () => {
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    for (const cp of controls) expect(findForbiddenChar(`a${String.fromCodePoint(cp)}b`), hex(cp)).toEqual({ code: hex(cp), kind: 'control', position: 2 });
  });

  it('refuses the bidi controls and the zero-width characters', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      expect(findForbiddenChar(`王${String.fromCodePoint(cp)}明`)?.kind, hex(cp)).toBe('bidi');
    }
    for (const cp of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) expect(findForbiddenChar(`王${String.fromCodePoint(cp)}明`)?.kind, hex(cp)).toBe('zeroWidth');
  });

  it('refuses the other invisible characters and what is no character at all', () => {
    const invisible = [0x00ad, 0x034f, 0x180e, 0x2061, 0x2062, 0x2063, 0x2064, 0x2028, 0x2029, 0x3164, 0x115f, 0x1160, 0xffa0, 0xe0001, 0xe0041, 0xfff9];
    for (const cp of invisible) expect(findForbiddenChar(`于${String.fromCodePoint(cp)}琪`)?.kind, hex(cp)).toBe('invisible');
    expect(findForbiddenChar('于\uD800琪')).toEqual({ code: 'U+D800', kind: 'invalid', position: 2 });
    expect(findForbiddenChar('于\uFFFE琪')?.kind).toBe('invalid');
    expect(findForbiddenChar('于\u{10FFFF}琪')?.kind).toBe('invalid');
    // Visible spaces, variation selectors of CJK names and private-use rare characters stay allowed.
    for (const s of ['欧阳\u3000娜娜', '葛\uFE00', '\uE000镕']) expect(findForbiddenChar(s), s).toBeNull();
    expect(describeForbiddenChar({ code: 'U+00AD', kind: 'invisible' }, 'zh-CN')).toBe('U+00AD（软连字符）');
    expect(describeForbiddenChar({ code: 'U+2064', kind: 'invisible' }, 'en')).toBe('U+2064 (invisible character)');
  });

  it('lets a multi-line text hold tab, CR and LF, and nothing else of the controls', () => {
    expect(findForbiddenChar('第一行\r\n\t第二行', { multiline: true })).toBeNull();
    expect(findForbiddenChar('第一行\n第二行')).toEqual({ code: 'U+000A', kind: 'control', position: 4 });
    expect(findForbiddenChar('说明\u0000', { multiline: true })).toEqual({ code: 'U+0000', kind: 'control', position: 3 });
    expect(findForbiddenChar('说明\u202E', { multiline: true })?.code).toBe('U+202E');
  });

  it('counts the position in characters, a character outside the BMP as one', () => {
    expect(findForbiddenChar('𠀋𡈽\u200B')).toEqual({ code: 'U+200B', kind: 'zeroWidth', position: 3 });
  });

  it('gives the first refused character and a yes/no for the schemas', () => {
    expect(findForbiddenChar('a\u200Bb\u202Ec')?.code).toBe('U+200B');
    expect(isCleanText('王明')).toBe(true);
    expect(isCleanText('王\u202E明')).toBe(false);
  });
});

describe('describeForbiddenChar', () => {
  it('names a character in both languages, by its own name or by its kind', () => {
    expect(describeForbiddenChar({ code: 'U+202E', kind: 'bidi' }, 'zh-CN')).toBe('U+202E（从右到左覆盖）');
    expect(describeForbiddenChar({ code: 'U+202E', kind: 'bidi' }, 'en')).toBe('U+202E (right-to-left override)');
    expect(describeForbiddenChar({ code: 'U+0000', kind: 'control' }, 'zh-CN')).toBe('U+0000（空字符）');
    expect(describeForbiddenChar({ code: 'U+200B', kind: 'zeroWidth' }, 'en')).toBe('U+200B (zero-width space)');
    expect(describeForbiddenChar({ code: 'U+0007', kind: 'control' }, 'zh-CN')).toBe('U+0007（控制字符）');
    expect(describeForbiddenChar({ code: 'U+0085', kind: 'control' }, 'en')).toBe('U+0085 (control character)');
  });
});
