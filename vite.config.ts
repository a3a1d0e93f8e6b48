import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { staticData } from './scripts/vite-plugin-static-data';
import { contentSecurityPolicy } from './scripts/vite-plugin-csp';

// The app is fully static: every asset (Monaco, its workers, the IAM catalog data) is bundled or
// served from this origin. Nothing is fetched from anywhere else at runtime.
export default defineConfig({
  plugins: [react(), staticData(), contentSecurityPolicy()],
  resolve: {
    // The slim Monaco module (src/ui/editor/monaco.slim.js) imports Monaco's ESM files directly,
    // bypassing the package's exports map, which does not expose CSS files.
    alias: { 'monaco-esm': fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url)) },
  },
  // The dev server's dependency pre-bundling turns Monaco's `?worker` imports into modules without a
  // default export (`npm start` then showed no editor); Monaco is ESM already and needs none of it.
  optimizeDeps: { exclude: ['monaco-editor', 'monaco-esm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
