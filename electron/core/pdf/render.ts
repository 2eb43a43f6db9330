// The one pdfmake set-up (core): every PDF the app makes (reports, notices, slips, lists) renders
// through here, in the shipped Chinese font, with no URL or local file reachable but the fonts.
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportFonts } from './fonts';

/** The font family name documents use in their defaultStyle. */
export const PDF_FONT = 'NotoSansSC';

// Loaded on the first PDF: a command or a host start that makes none does not pay for pdfmake.
let loading: Promise<typeof pdfmakeModule> | null = null;

function pdfmake(): Promise<typeof pdfmakeModule> {
  loading ??= import('pdfmake').then(({ default: p }) => {
    const fonts = reportFonts();
    p.setFonts({ [PDF_FONT]: { normal: fonts.normal, bold: fonts.bold, italics: fonts.normal, bolditalics: fonts.bold } });
    p.setUrlAccessPolicy(() => false);
    p.setLocalAccessPolicy((path) => path === fonts.normal || path === fonts.bold);
    return p;
  });
  return loading;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return (await pdfmake()).createPdf(doc).getBuffer();
}
