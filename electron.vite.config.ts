// Builds the three Electron targets. The "main" target also emits the
// browser-mode host, the central store and the demo-data command: they are the same main-side code
// run by plain Node, so they are built with it.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          electron: resolve('src-main/electron/main.ts'),
          host: resolve('src-main/host/cli.ts'),
          demo: resolve('src-main/demo/cli.ts'),
          central: resolve('src-main/central/cli.ts'),
          // The wallboards' figures worker (central/wallboard/figuresThread.ts finds it beside these).
          wallboardFigures: resolve('src-main/central/wallboard/figuresWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rolldownOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        // Sandboxed preload scripts must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
