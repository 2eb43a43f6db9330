// The one pdfmake set-up (core): every PDF the app makes (reports, notices, slips, lists) renders
// through here, in the shipped Chinese font, with no URL or local file reachable but the fonts.
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportFonts } from './fonts';

/** The font family name documents use in their defaultStyle. */
export const PDF_FONT = 'NotoSansSC';

const fonts = reportFonts();
pdfmake.setFonts({ [PDF_FONT]: { normal: fonts.normal, bold: fonts.bold, italics: fonts.normal, bolditalics: fonts.bold } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path === fonts.normal || path === fonts.bold);

export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}
