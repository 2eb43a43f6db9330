// Characters no name, number or text of the registry may hold (pure: renderer, core and CLI). They
// are invisible or reorder what is shown: a NUL cuts a name short in other programs, a bidi
// override (U+202E) makes "王明\u202Egnp.exe" display backwards, a zero-width space makes two
// identical-looking names (or student numbers) different. So do the other invisible ones — every
// Unicode format character (Cf: soft hyphen, invisible operators, tags …), the line and paragraph
// separators, the combining grapheme joiner and the Hangul fillers — and what is no character at
// all (a lone surrogate, a noncharacter). Forms, routes and imports refuse them.

/**
 * Why a character is refused: a control character, a bidi control, a zero-width character, another
 * invisible (format) character, or something that is not a character at all.
 */
export type ForbiddenKind = 'control' | 'bidi' | 'zeroWidth' | 'invisible' | 'invalid';
export const FORBIDDEN_KINDS: readonly ForbiddenKind[] = ['control', 'bidi', 'zeroWidth', 'invisible', 'invalid'];

export interface ForbiddenChar {
  /** "U+202E": how the messages name it. */
  code: string;
  kind: ForbiddenKind;
  /** 1-based, counted in characters as a person counts them (code points, not UTF-16 units). */
  position: number;
}

/** Names of the characters the messages spell out; others are named by their kind. */
const CHAR_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  'U+0000': { zh: '空字符', en: 'null character' },
  'U+0009': { zh: '制表符', en: 'tab' },
  'U+000A': { zh: '换行符', en: 'line feed' },
  'U+000D': { zh: '回车符', en: 'carriage return' },
  'U+007F': { zh: '删除符', en: 'delete' },
  'U+061C': { zh: '阿拉伯字母标记', en: 'Arabic letter mark' },
  'U+200B': { zh: '零宽空格', en: 'zero-width space' },
  'U+200C': { zh: '零宽不连字', en: 'zero-width non-joiner' },
  'U+200D': { zh: '零宽连字', en: 'zero-width joiner' },
  'U+200E': { zh: '从左到右标记', en: 'left-to-right mark' },
  'U+200F': { zh: '从右到左标记', en: 'right-to-left mark' },
  'U+202A': { zh: '从左到右嵌入', en: 'left-to-right embedding' },
  'U+202B': { zh: '从右到左嵌入', en: 'right-to-left embedding' },
  'U+202C': { zh: '方向格式结束', en: 'pop directional formatting' },
  'U+202D': { zh: '从左到右覆盖', en: 'left-to-right override' },
  'U+202E': { zh: '从右到左覆盖', en: 'right-to-left override' },
  'U+2060': { zh: '零宽连接符', en: 'word joiner' },
  'U+2066': { zh: '从左到右隔离', en: 'left-to-right isolate' },
  'U+2067': { zh: '从右到左隔离', en: 'right-to-left isolate' },
  'U+2068': { zh: '首强字符隔离', en: 'first strong isolate' },
  'U+2069': { zh: '方向隔离结束', en: 'pop directional isolate' },
  'U+FEFF': { zh: '零宽不换行空格（字节顺序标记）', en: 'zero-width no-break space (byte order mark)' },
  'U+00AD': { zh: '软连字符', en: 'soft hyphen' },
  'U+034F': { zh: '组合字形连接符', en: 'combining grapheme joiner' },
  'U+180E': { zh: '蒙古文元音分隔符', en: 'Mongolian vowel separator' },
  'U+2028': { zh: '行分隔符', en: 'line separator' },
  'U+2029': { zh: '段分隔符', en: 'paragraph separator' },
  'U+3164': { zh: '韩文填充符', en: 'Hangul filler' },
};

const KIND_NAMES: Readonly<Record<ForbiddenKind, { zh: string; en: string }>> = {
  control: { zh: '控制字符', en: 'control character' },
  bidi: { zh: '文字方向控制符', en: 'bidirectional control' },
  zeroWidth: { zh: '零宽字符', en: 'zero-width character' },
  invisible: { zh: '不可见字符', en: 'invisible character' },
  invalid: { zh: '无效字符', en: 'invalid character' },
};

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
/** What a multi-line text (a record's description) may hold besides printable characters. */
const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d]);

/** Invisible but not format characters: the combining grapheme joiner, line and paragraph separators, Hangul fillers. */
const INVISIBLE = new Set([0x034f, 0x2028, 0x2029, 0x115f, 0x1160, 0x3164, 0xffa0]);
const FORMAT = /^\p{Cf}$/u;

function isNonCharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

function kindOf(ch: string, cp: number, multiline: boolean): ForbiddenKind | null {
  // C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return multiline && LINE_BREAKS.has(cp) ? null : 'control';
  if (BIDI.has(cp)) return 'bidi';
  if (ZERO_WIDTH.has(cp)) return 'zeroWidth';
  if (INVISIBLE.has(cp) || FORMAT.test(ch)) return 'invisible';
  // A lone surrogate is half of a character whose other half is missing.
  if ((cp >= 0xd800 && cp <= 0xdfff) || isNonCharacter(cp)) return 'invalid';
  return null;
}

function codeOf(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first refused character of `text`, or null. `multiline` lets tab, CR and LF through, as a
 * description may have several lines. The text is taken as it will be stored: trim it first, as
 * the forms and the importer do (trimming already drops a leading byte order mark).
 */
export function findForbiddenChar(text: string, opts: { multiline?: boolean } = {}): ForbiddenChar | null {
  const multiline = opts.multiline ?? false;
  let position = 0;
  for (const ch of text) {
    position += 1;
    const cp = ch.codePointAt(0)!;
    const kind = kindOf(ch, cp, multiline);
    if (kind) return { code: codeOf(cp), kind, position };
  }
  return null;
}

/** True when a single-line text holds no refused character (the input schemas' rule). */
export function isCleanText(text: string): boolean {
  return findForbiddenChar(text) === null;
}

/** "U+202E（从右到左覆盖）" or "U+202E (right-to-left override)". */
export function describeForbiddenChar(f: Pick<ForbiddenChar, 'code' | 'kind'>, lang: 'zh-CN' | 'en'): string {
  const name = CHAR_NAMES[f.code] ?? KIND_NAMES[f.kind];
  return lang === 'zh-CN' ? `${f.code}（${name.zh}）` : `${f.code} (${name.en})`;
}
