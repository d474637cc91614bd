import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../../server/paths'

export type ChildServerOptions = {
  /** Shorter worker lease for tests that kill a process and wait for another one to take its jobs. */
  workerLeaseSeconds?: number
}

/**
 * Runs the server as `npm start` does (process guards installed first, no UI build), in a child
 * process we can SIGKILL.
 */
export async function startChildServer(
  env: Record<string, string>,
  opts: ChildServerOptions = {},
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild, and SIGKILL must hit the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', preload(opts), path.join(ROOT, 'bin', 'serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', OPENAI_API_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000)
    child.stdout!.on('data', () => {
      const m = /Copydesk on http:\/\/localhost:(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
  return { url, child, output: () => out }
}

/** Sends `signal` and waits for the exit; resolves at once if the child is already gone. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })
}

/**
 * What bin/start.mjs does before main() (the guards), plus test-only knobs, as a module loaded
 * with --import ahead of bin/serve.ts (a data: URL, so no extra file to keep in step).
 */
function preload(opts: ChildServerOptions): string {
  const mod = (file: string) => JSON.stringify(pathToFileURL(path.join(ROOT, file)).href)
  const lines = [`import { installProcessGuards } from ${mod('server/process-guards.ts')}`, 'installProcessGuards()']
  if (opts.workerLeaseSeconds !== undefined) {
    lines.push(
      `import { Worker } from ${mod('server/runs/worker.ts')}`,
      `Worker.defaults.leaseSeconds = ${Number(opts.workerLeaseSeconds)}`,
    )
  }
  return `data:text/javascript,${encodeURIComponent(lines.join('\n'))}`
}
