import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../../server/paths'

/** Runs the server as `npm start` does (without the UI build), in a child process we can SIGKILL. */
export async function startChildServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild, and SIGKILL must hit the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'serve.ts')], {
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
