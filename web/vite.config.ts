import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The config lives in web/ but is run from the repo root (`vite build --config web/vite.config.ts`),
// so every path is resolved from this file rather than from the working directory.
const webDir = fileURLToPath(new URL('.', import.meta.url))
const apiTarget = `http://127.0.0.1:${process.env.PORT || 8787}`

export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget } },
  },
})
