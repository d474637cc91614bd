import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, wherever the process was started from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PROMPTS_DIR = path.join(ROOT, 'prompts')
export const WEB_DIST = path.join(ROOT, 'web', 'dist')
