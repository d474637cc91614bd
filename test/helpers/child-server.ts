import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { runCli } from '../../server/cli'
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

/** What a `copydesk` command did: its exit code and everything it printed. */
export type CliResult = { code: number | null; out: string; err: string }
/** The command's environment over this process's (a key set to undefined is removed), and its standard input. */
export type CliOptions = { env?: Record<string, string | undefined>; input?: string }

/**
 * `copydesk …` as a user runs it: node bin/copydesk.mjs in a child process, which must also exit
 * by itself (a handle left open would hang a script that calls it in a loop).
 */
export function spawnCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'copydesk.mjs'), ...args], { cwd: ROOT, env })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out, err })
    })
    child.stdin.end(opts.input ?? '')
  })
}

/**
 * The same command in this process: runCli, all that bin/copydesk.mjs runs, with the same
 * arguments, environment (set in process.env for the call: some commands read it there) and
 * standard input, and its output as the process prints it: console.log and console.error end
 * each line with a newline, and a thrown error is `copydesk: …` with exit 1, as in the bin. A
 * child process costs a second or more on this machine (tsx and the server's modules, then a
 * PGlite start for each command that opens the database), so each command runs as a child
 * process in its tests at least once (spawnCli) and its other cases run here.
 */
export async function runCliHere(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  let out = ''
  let err = ''
  const io = {
    out: (s: string) => void (out += `${s}\n`),
    err: (s: string) => void (err += `${s}\n`),
    write: (s: string) => void (out += s),
    stdin: Readable.from([opts.input ?? '']),
  }
  const saved = Object.fromEntries(Object.keys(opts.env ?? {}).map((k) => [k, process.env[k]]))
  const apply = (env: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  apply(opts.env ?? {})
  try {
    return { code: await runCli(args, io, process.env), out, err }
  } catch (e) {
    return { code: 1, out, err: `${err}copydesk: ${e instanceof Error ? e.message : String(e)}\n` }
  } finally {
    apply(saved)
  }
}
