// Where the fonts embedded in printed PDFs live. Responsible for finding `resources/fonts` (DejaVu Sans, regular
// and bold) wherever the code runs; not for drawing (document.ts) nor for choosing a printer (electron/platform).
//
// PDFs embed DejaVu Sans rather than use the PDF standard fonts because those only cover Latin-1: a customer
// called "Ирина" or "Zoë Ñúñez Øster" must print as written. The directory is looked for, in order:
//   1. $LMS_RESOURCES/fonts — an explicit setting; if it is set and wrong we fail rather than guess;
//   2. process.resourcesPath/fonts — the packaged app (electron-builder.yml copies resources/fonts there as
//      extraResources, outside the asar archive);
//   3. resources/fonts in this module's directory or any parent — tsx from source (electron/core/print) and the
//      esbuild bundles (dist/electron/main.js, dist/electron/coreWorker.js) both sit under the repo root;
//   4. resources/fonts in the working directory or any parent.
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

export const regularFontFile = 'DejaVuSans.ttf';
export const boldFontFile = 'DejaVuSans-Bold.ttf';

/** Absolute paths of the fonts every PDF embeds. */
export interface PdfFonts {
  directory: string;
  regular: string;
  bold: string;
}

export class FontsNotFoundError extends Error {
  override name = 'FontsNotFoundError';
}

/** Where to look; the defaults are the running process's, a test passes its own. */
export interface FontSearch {
  /** $LMS_RESOURCES: a resources directory holding `fonts/`. */
  resourcesDir?: string | undefined;
  /** Electron's process.resourcesPath in a packaged app. */
  electronResourcesPath?: string | undefined;
  /** Directories from which to walk up looking for `resources/fonts`. */
  startDirs: readonly string[];
}

/** A walk up never goes further than this many parents (a deep install path is far shorter). */
const maxParents = 32;

/** Finds the fonts directory by the rules in the header; throws FontsNotFoundError naming every place tried. */
export function findFonts(search: FontSearch): PdfFonts {
  if (search.resourcesDir) {
    const dir = join(search.resourcesDir, 'fonts');
    if (hasFonts(dir)) return fontsIn(dir);
    throw new FontsNotFoundError(
      `LMS_RESOURCES is ${search.resourcesDir} but ${dir} does not hold ${regularFontFile} and ${boldFontFile}`,
    );
  }
  const tried: string[] = [];
  if (search.electronResourcesPath) {
    const dir = join(search.electronResourcesPath, 'fonts');
    if (hasFonts(dir)) return fontsIn(dir);
    tried.push(dir);
  }
  for (const start of search.startDirs) {
    let dir = start;
    for (let i = 0; i <= maxParents; i++) {
      const candidate = join(dir, 'resources', 'fonts');
      if (hasFonts(candidate)) return fontsIn(candidate);
      tried.push(candidate);
      if (dir === parse(dir).root) break;
      dir = dirname(dir);
    }
  }
  throw new FontsNotFoundError(
    `cannot find ${regularFontFile} and ${boldFontFile}; set LMS_RESOURCES to the resources directory. ` +
      `Looked in: ${tried.join(', ')}`,
  );
}

let cached: PdfFonts | undefined;

/** The running process's fonts, found once (see the header for where) and remembered. */
export function pdfFonts(): PdfFonts {
  return (cached ??= findFonts(processSearch()));
}

function processSearch(): FontSearch {
  // Electron adds resourcesPath to `process`; plain Node (tsx, vitest, the web transport) has none.
  const electronProcess = process as NodeJS.Process & { resourcesPath?: string };
  return {
    resourcesDir: process.env.LMS_RESOURCES || undefined,
    electronResourcesPath: electronProcess.resourcesPath,
    startDirs: [moduleDir(), process.cwd()].filter((d): d is string => d !== undefined),
  };
}

/** This module's directory, or the bundle's once esbuild has inlined it; undefined if neither can be known. */
function moduleDir(): string | undefined {
  if (typeof import.meta.url === 'string' && import.meta.url.startsWith('file:')) {
    return dirname(fileURLToPath(import.meta.url));
  }
  return typeof __dirname === 'string' ? __dirname : undefined;
}

function hasFonts(dir: string): boolean {
  return existsSync(join(dir, regularFontFile)) && existsSync(join(dir, boldFontFile));
}

function fontsIn(directory: string): PdfFonts {
  return { directory, regular: join(directory, regularFontFile), bold: join(directory, boldFontFile) };
}
