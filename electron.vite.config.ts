// electron-vite: builds the main process, the sandboxed preload (CommonJS, as a sandboxed preload
// must be) and the renderer into out/. Works without the Electron binary.
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { cspPlugin } from './renderer/csp-plugin';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    // The workbook reader's worker is built beside the main process, where xlsxInWorker looks for it.
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('electron/main/index.ts'), xlsxWorker: resolve('electron/core/import/xlsxWorker.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: resolve('electron/preload/index.ts'), output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspPlugin()],
    build: { outDir: 'out/renderer', rollupOptions: { input: resolve('renderer/index.html') } },
  },
});
