// What a registry module exports: task name -> a pure function of structured-clone-friendly
// input to output. The thread imports the module by URL; the main thread only its types.

/** What a task may say of its progress while it runs; the pool forwards it to the caller's onProgress. */
export type TaskProgress = (p: { stage: string; done: number; total: number }) => void

// `never`: every task's own input type is assignable to it (parameters are contravariant)
export type Task = (input: never, progress: TaskProgress) => unknown
export type Registry = Record<string, Task>
