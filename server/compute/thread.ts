// The body of a compute thread: runs the registry's tasks by name, one message at a time, and
// answers with the output or the error as data (see errors.ts). The registry is a module URL
// given by the pool, so tests can bring their own tasks; it must import only pure modules.
import { parentPort, workerData } from 'node:worker_threads'
import { serializeError } from './errors'
import type { Registry } from './registry'

export type Request = { id: number; task: string; input: unknown }
export type Reply =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: ReturnType<typeof serializeError> }
  /** Not an end: the task said how far it is. */
  | { id: number; progress: { stage: string; done: number; total: number } }

const port = parentPort!
const { tasks } = (await import(workerData.registry as string)) as { tasks: Registry }

port.on('message', async ({ id, task, input }: Request) => {
  try {
    const run = tasks[task]
    if (!run) throw new Error(`no compute task "${task}" (known: ${Object.keys(tasks).join(', ')})`)
    // the pool's typed run<K>() checked this input against task K's parameter before posting it
    const output = await run(input as never, (progress) => port.postMessage({ id, progress } satisfies Reply))
    port.postMessage({ id, ok: true, output } satisfies Reply)
  } catch (err) {
    port.postMessage({ id, ok: false, error: serializeError(err) } satisfies Reply)
  }
})
port.postMessage('ready')
