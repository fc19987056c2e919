import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFonts, FontsNotFoundError, pdfFonts } from '../../../electron/core/print';

const repoFonts = join(import.meta.dirname, '../../../resources/fonts');
const made: string[] = [];

/** A temporary directory with `resources/fonts` holding the two fonts (or only the regular one). */
function aResourcesDir(options: { isComplete: boolean } = { isComplete: true }): string {
  const root = mkdtempSync(join(tmpdir(), 'lms-fonts-'));
  made.push(root);
  const fonts = join(root, 'resources', 'fonts');
  mkdirSync(fonts, { recursive: true });
  copyFileSync(join(repoFonts, 'DejaVuSans.ttf'), join(fonts, 'DejaVuSans.ttf'));
  if (options.isComplete)
    copyFileSync(join(repoFonts, 'DejaVuSans-Bold.ttf'), join(fonts, 'DejaVuSans-Bold.ttf'));
  return root;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('finding the fonts printed documents embed', () => {
  it('finds the repository’s resources/fonts from this process', () => {
    const fonts = pdfFonts();

    expect(fonts.directory).toBe(repoFonts);
    expect(fonts.regular).toBe(join(repoFonts, 'DejaVuSans.ttf'));
    expect(fonts.bold).toBe(join(repoFonts, 'DejaVuSans-Bold.ttf'));
  });

  it('walks up from a bundle’s directory to the first resources/fonts', () => {
    const root = aResourcesDir();
    const bundleDir = join(root, 'dist', 'electron');
    mkdirSync(bundleDir, { recursive: true });

    expect(findFonts({ startDirs: [bundleDir] }).directory).toBe(join(root, 'resources', 'fonts'));
  });

  it('prefers the packaged app’s resources over a walk up', () => {
    const packaged = aResourcesDir();
    const other = aResourcesDir();

    const found = findFonts({ electronResourcesPath: join(packaged, 'resources'), startDirs: [other] });

    expect(found.directory).toBe(join(packaged, 'resources', 'fonts'));
  });

  it('takes LMS_RESOURCES first, and fails rather than guess when it is wrong', () => {
    const chosen = aResourcesDir();
    const other = aResourcesDir();

    expect(findFonts({ resourcesDir: join(chosen, 'resources'), startDirs: [other] }).directory).toBe(
      join(chosen, 'resources', 'fonts'),
    );
    expect(() => findFonts({ resourcesDir: join(other, 'nowhere'), startDirs: [other] })).toThrow(
      /LMS_RESOURCES/,
    );
  });

  it('skips a fonts directory missing the bold face and says where it looked', () => {
    const incomplete = aResourcesDir({ isComplete: false });

    expect(() => findFonts({ startDirs: [incomplete] })).toThrow(FontsNotFoundError);
    expect(() => findFonts({ startDirs: [incomplete] })).toThrow(join(incomplete, 'resources', 'fonts'));
  });
});
