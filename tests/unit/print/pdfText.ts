// Test helper: the text of a PDF as poppler's pdftotext reads it, so print tests assert on what a reader of the
// paper sees (fonts embedded, glyphs mapped back to Unicode), not on pdfkit's internals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PDF's text with its layout kept (`pdftotext -layout`). Fails plainly when poppler-utils is missing. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'lms-print-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftotext is not installed: the print tests need poppler-utils (apt-get install poppler-utils)',
      );
    }
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`pdftotext failed (${run.status}): ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text on one line with runs of spaces collapsed: for phrases that the layout may wrap. */
export function pdfWords(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
