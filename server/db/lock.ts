import fs from 'node:fs'
import path from 'node:path'

/**
 * PGlite does not lock its data folder, and two processes writing one folder corrupt it.
 * We hold a lock file naming our pid and refuse a second owner while that pid is alive.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'copydesk.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(file, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(fs.readFileSync(file, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `${dataDir} is in use by another Copydesk process (pid ${owner}). Stop it, or point COPYDESK_DATA_DIR at another folder.`,
        )
      }
      fs.rmSync(file, { force: true }) // stale: its owner died without cleaning up
    }
  }
  throw new Error(`could not lock ${dataDir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
