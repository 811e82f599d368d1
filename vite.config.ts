/**
 * Build and dev-server configuration of the browser client. The client lives in `client/`;
 * the build lands in `dist/`, which the server serves. In development, API and collaboration
 * requests go to the server on `PORT` (3000 by default).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverUrl = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
  },
  server: {
    // Anchored patterns: a plain '/api' prefix would also catch the module '/api.ts'.
    proxy: {
      '^/api/': { target: serverUrl },
      '^/collab/': { target: serverUrl, ws: true },
    },
  },
});
