// A pdfkit document set up the way every printed document is: DejaVu Sans embedded as the body and bold fonts,
// metadata dated from the data (not the clock) so the same data gives the same bytes, and a way to collect the
// bytes. Responsible for that setup only; the receipt and the till report draw their own pages.
import PDFDocument from 'pdfkit';
import type { PrintLanguage } from './amountInWords';
import { pdfFonts } from './fonts';

export const bodyFont = 'Body';
export const boldFont = 'Bold';

export interface DocumentSetup {
  /** Page size in points, [width, height]. */
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  /** The document's date (the posting or generation instant): it is also what makes the file ID. */
  createdAt: Date;
  title: string;
  language: PrintLanguage;
  /** Keep pages in memory so page numbers can be written once the page count is known. */
  hasPageNumbers?: boolean;
}

export function newDocument(setup: DocumentSetup): PDFKit.PDFDocument {
  const fonts = parsedFonts();
  const doc = new PDFDocument({
    size: setup.size,
    margins: setup.margins,
    bufferPages: setup.hasPageNumbers ?? false,
    lang: setup.language,
    // No default font: pdfkit would open Helvetica, which is not embedded and only covers Latin-1. The body font
    // is selected by its registered name just below, so pdfkit caches it under that name (an unnamed default
    // font would be re-opened on every switch back to it).
    font: '',
    info: {
      Title: setup.title,
      Producer: 'Optifluence LMS',
      Creator: 'Optifluence LMS',
      // pdfkit defaults this to the clock and derives the file ID from it: pinning it makes output reproducible.
      CreationDate: setup.createdAt,
    },
  });
  doc.registerFont(bodyFont, fonts.regular);
  doc.registerFont(boldFont, fonts.bold);
  doc.font(bodyFont);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function documentBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

type FontSource = PDFKit.Mixins.PDFFontSource;
/** The parts of a parsed (fontkit) font we touch: pdfkit lays text out with `layout`; `_glyphs` is its cache. */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
  _glyphs: Record<number, unknown>;
}
let parsed: { regular: ParsedFont | string; bold: ParsedFont | string } | undefined;

/**
 * pdfkit parses a font file again for every document, and DejaVu's layout tables make that cost ~100 ms per font
 * per document. pdfkit also accepts a font it has already parsed (PDFFontFactory.open takes any object with
 * `layout`), so we parse each font once, in a probe document, and hand the parsed font to every later document;
 * each document still embeds its own subset.
 *
 * A parsed font keeps one piece of history: its glyph cache, which remembers the characters a glyph was first
 * met with — and the ToUnicode map (what copy, search and pdftotext read) comes from it. A glyph first met as a
 * part of another (the C inside Ç, while a subset is written) is cached with no characters, so a later document
 * would print "C" that reads back as nothing, and the same receipt would give different bytes depending on what
 * was printed before it. So every document starts with an empty glyph cache — exactly as if the font had just
 * been parsed — and only the decoded tables are shared. Rendering is synchronous from the first page to the last
 * byte, so two documents never use the font at once. If a pdfkit or fontkit upgrade changes these internals, we
 * fall back to the font file: slower, same bytes.
 */
function parsedFonts(): { regular: FontSource; bold: FontSource } {
  if (!parsed) {
    const fonts = pdfFonts();
    parsed = { regular: parseOnce(fonts.regular), bold: parseOnce(fonts.bold) };
  }
  return { regular: withEmptyGlyphCache(parsed.regular), bold: withEmptyGlyphCache(parsed.bold) };
}

function parseOnce(path: string): ParsedFont | string {
  const probe = new PDFDocument({ font: path, autoFirstPage: false });
  const font = (probe as unknown as { _font?: { font?: Partial<ParsedFont> } })._font?.font;
  const isReusable = typeof font?.layout === 'function' && typeof font._glyphs === 'object';
  return isReusable ? (font as ParsedFont) : path;
}

function withEmptyGlyphCache(font: ParsedFont | string): FontSource {
  if (typeof font === 'string') return font;
  font._glyphs = {};
  return font as unknown as FontSource;
}
