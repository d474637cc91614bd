// What a registry module exports: task name -> a pure function of structured-clone-friendly
// input to output. The thread imports the module by URL; the main thread only its types.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Task = (input: any) => unknown
export type Registry = Record<string, Task>
