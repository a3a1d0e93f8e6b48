import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is fully static: every asset (Monaco, its workers, the IAM catalog data) is bundled or
// served from this origin. Nothing is fetched from anywhere else at runtime.
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
