#!/usr/bin/env node
// `npm run dev`: the API with reload on change (tsx watch) and the Vite dev server with HMR
// (http://localhost:5173, proxying /api to the API on PORT or 8787).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', path.join(root, 'bin', 'serve.ts')], { stdio: 'inherit', cwd: root }),
  spawn(bin('vite'), ['--config', path.join(root, 'web', 'vite.config.ts')], { stdio: 'inherit', cwd: root }),
]
const stop = () => children.forEach((c) => c.kill('SIGTERM'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
children.forEach((c) =>
  c.on('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  }),
)
