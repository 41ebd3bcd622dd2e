import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The single-file viewer: one classic script (no modules, no chunks, no worker) and one stylesheet, which the
 * HTML exporter inlines beside a snapshot.
 */
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/viewer',
    emptyOutDir: true,
    copyPublicDir: false,
    chunkSizeWarningLimit: 4000,
    lib: { entry: 'src/viewer.tsx', formats: ['iife'], name: 'FleetmapViewer', fileName: () => 'fleetmap-viewer.js', cssFileName: 'fleetmap-viewer' },
  },
});
