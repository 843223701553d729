/**
 * The web UI (web/): React + antd + ECharts, built into dist/web and served by the API server
 * (src/server/static.ts). `npm run dev` serves it with hot reload on :5173, proxying /api to the API server
 * (ZHENGWU_API, default http://localhost:8080).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.ZHENGWU_API ?? 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
