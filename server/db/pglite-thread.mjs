// The embedded PostgreSQL in a thread of its own. PGlite is PostgreSQL compiled to WASM: every
// query it answers (initdb on a new folder, a 20 MB draft insert, a search) runs synchronously on
// the thread that owns it. Here that is this worker thread, not the API's event loop; the main
// thread talks to it over the socket server's unix socket, like to any PostgreSQL.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const { dataDir, socketPath } = workerData
let db
let server
try {
  db = await PGlite.create(dataDir ?? undefined)
  server = new PGLiteSocketServer({ db, path: socketPath })
  await server.start()
  parentPort.postMessage({ type: 'ready' })
} catch (err) {
  await db?.close().catch(() => {})
  parentPort.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) })
}

parentPort.on('message', async (message) => {
  if (message?.type !== 'close') return
  let error
  try {
    await server?.stop()
    await db?.close()
  } catch (err) {
    error = err instanceof Error ? err.message : String(err)
  }
  parentPort.postMessage({ type: 'closed', error })
  parentPort.close()
})
