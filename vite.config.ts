import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** `fleetmap serve` on its default port; in development the page is served by Vite and its API calls proxied there. */
const API = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: 'dist', chunkSizeWarningLimit: 3000 },
  server: {
    proxy: {
      '/api': {
        target: API,
        // The server answers only to its own Host, and starts a read only for its own Origin: Vite's page stands
        // in for it, so the proxy speaks as that origin.
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (req) => req.getHeader('origin') && req.setHeader('origin', API)),
      },
    },
  },
});
