// `npm start` on an install without the dev dependencies (npm install --omit=dev): vite is not
// there, so the UI must have been built beforehand. bin/build-ui-if-needed.mjs is copied into a
// scratch folder laid out like the repo, with no node_modules, and run there.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ROOT } from '../server/paths'

const made: string[] = []
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  vi.restoreAllMocks()
})

async function scratch(withDist: boolean) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-build-ui-'))
  made.push(root)
  fs.mkdirSync(path.join(root, 'bin'))
  fs.copyFileSync(path.join(ROOT, 'bin', 'build-ui-if-needed.mjs'), path.join(root, 'bin', 'build-ui-if-needed.mjs'))
  fs.mkdirSync(path.join(root, 'web', 'src'), { recursive: true })
  if (withDist) {
    fs.mkdirSync(path.join(root, 'web', 'dist'))
    fs.writeFileSync(path.join(root, 'web', 'dist', 'index.html'), '<!doctype html>')
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(path.join(root, 'web', 'dist', 'index.html'), old, old)
  }
  fs.writeFileSync(path.join(root, 'web', 'src', 'main.tsx'), 'export {}') // newer than the build
  const mod = (await import(pathToFileURL(path.join(root, 'bin', 'build-ui-if-needed.mjs')).href)) as { buildUiIfNeeded: () => void }
  return mod.buildUiIfNeeded
}

describe('npm start without the dev dependencies', () => {
  it('serves a UI built beforehand, saying it is older than its sources', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const build = await scratch(true)
    expect(() => build()).not.toThrow()
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/vite is not installed.*serving the UI as built/))
  })

  it('with no UI built, stops with what to do instead of a stack trace from a missing module', async () => {
    const build = await scratch(false)
    expect(() => build()).toThrow(/not built \(web\/dist\) and vite is not installed: run `npm run build`/)
  })
})
