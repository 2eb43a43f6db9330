// Builds the Node programs — the command line, the web host and the workbook reader's worker — into
// out/node with esbuild (build time, Node). Loading one bundled file starts a program in a second
// where loading every TypeScript source through tsx takes four: the tests start the CLI and the
// host hundreds of times. Packages stay outside the bundle, as installed.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'electron/cli/run.ts', host: 'electron/host/main.ts', xlsxWorker: 'electron/core/import/xlsxWorker.ts' },
  outdir: 'out/node',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
});
