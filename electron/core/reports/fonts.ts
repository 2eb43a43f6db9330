// The CJK font reports embed (core): Noto Sans SC (SIL OFL 1.1, licence in
// resources/fonts/OFL.txt), shipped with the app as the @expo-google-fonts/noto-sans-sc package,
// so a report never depends on a font of the PC it is made on. pdfmake embeds only the subset used.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function packageDir(): string {
  return dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

export function reportFonts(): { normal: string; bold: string } {
  const dir = packageDir();
  return { normal: join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), bold: join(dir, '700Bold', 'NotoSansSC_700Bold.ttf') };
}
