import { Hono } from 'hono'
import { requireUser, type AuthEnv } from '../auth/middleware'
import type { Sql } from '../db/connect'
import { idParam } from '../http/validate'
import { getRun } from './get-run'

export function runRoutes(sql: Sql) {
  return new Hono<AuthEnv>()
    .use(requireUser())
    .get('/:id', async (c) => c.json(await getRun({ db: sql, id: idParam(c, 'id', 'run') })))
}
