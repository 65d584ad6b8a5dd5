import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { securityHeaders } from './scripts/vite-security-headers.ts';

// Two HTML entries: the console itself and the MSAL v5 redirect bridge page,
// which must stay tiny and must not load the app (it only hands the auth
// response back to the main window).
export default defineConfig({
  // Security headers (CSP, frame-ancestors, nosniff…) on preview and dev responses.
  plugins: [react(), securityHeaders()],
  build: {
    target: 'es2022',
    // No source maps at all: nothing here uploads them to an error reporter,
    // and 'hidden' would still write .map files into dist/ for whoever
    // deploys the folder as is.
    sourcemap: false,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        redirect: resolve(import.meta.dirname, 'redirect.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
