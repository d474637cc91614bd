// What a registry module exports: task name -> a pure function of structured-clone-friendly
// input to output. The thread imports the module by URL; the main thread only its types.

// `never`: every task's own input type is assignable to it (parameters are contravariant)
export type Task = (input: never) => unknown
export type Registry = Record<string, Task>
