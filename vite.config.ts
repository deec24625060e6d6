import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: { outDir: process.env.ONEWINDOW_RENDERER_DIR ?? '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:4720', ws: true } } },
});
