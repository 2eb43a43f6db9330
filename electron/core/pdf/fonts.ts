// The CJK font every PDF embeds (core): Noto Sans SC (SIL OFL 1.1, licence in
// resources/fonts/OFL.txt), from the @expo-google-fonts/noto-sans-sc package and shipped under
// resources/fonts, so a report never depends on a font of the PC it is made on. pdfmake embeds
// only the subset used.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resourcePath } from '../paths';

const require = createRequire(import.meta.url);

function packageDir(): string {
  return dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

const FILES = { normal: join('400Regular', 'NotoSansSC_400Regular.ttf'), bold: join('700Bold', 'NotoSansSC_700Bold.ttf') };

/**
 * The packaged app carries the two weights under resources/fonts (electron-builder.yml copies
 * them there); in development and tests they are read from the package itself.
 */
export function reportFonts(): { normal: string; bold: string } {
  const packaged = resourcePath('fonts');
  const dir = existsSync(join(packaged, FILES.normal)) ? packaged : packageDir();
  return { normal: join(dir, FILES.normal), bold: join(dir, FILES.bold) };
}
