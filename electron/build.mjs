// Bundles the Electron main process, the core worker and the preload bridge into dist/electron with esbuild.
// The preload is CommonJS (sandboxed preloads cannot load ES modules); native modules stay external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };
const external = ['electron', 'better-sqlite3', 'keytar'];

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.js',
  format: 'esm',
  external,
  packages: 'external',
});
await build({
  ...common,
  entryPoints: ['electron/host/coreWorker.ts'],
  outfile: 'dist/electron/coreWorker.js',
  format: 'esm',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
