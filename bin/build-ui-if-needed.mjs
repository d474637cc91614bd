// Builds the web UI when web/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function newest(p) {
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))))
}

export function buildUiIfNeeded({ force = false } = {}) {
  const index = path.join(root, 'web', 'dist', 'index.html')
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'contracts'].map((p) => path.join(root, p))
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  if (!force && built > 0 && built >= Math.max(...sources.filter(fs.existsSync).map(newest))) return
  // vite is a build tool (devDependencies): an install without them serves a UI built beforehand
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  if (!fs.existsSync(vite)) {
    if (built > 0) {
      console.warn('web/dist is older than web/src, and vite is not installed (npm install --omit=dev): serving the UI as built')
      return
    }
    throw new Error(
      'the web UI is not built (web/dist) and vite is not installed: run `npm run build` where the dev dependencies are, or `npm install`',
    )
  }
  console.log('Building the web UI (web/dist)…')
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (r.status !== 0) throw new Error('building the web UI failed (see the output above)')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildUiIfNeeded({ force: process.argv.includes('--force') })
