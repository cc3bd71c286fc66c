import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

const api = process.env.PHAROS_API_URL ?? 'http://localhost:3000';

// @vitejs/plugin-react is hoisted beside a newer vite (brought in by vitest); its plugin type differs
// from this package's vite in type details only, so it is passed through as a plain plugin option.
const plugins = [react()] as unknown as PluginOption[];

export default defineConfig({
  plugins,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/metrics': { target: api, changeOrigin: false },
    },
  },
});
