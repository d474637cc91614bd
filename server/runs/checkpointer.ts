import type { RunnableConfig } from '@langchain/core/runnables'
import {
  BaseCheckpointSaver,
  WRITES_IDX_MAP,
  compareWritesSortKeys,
  copyCheckpoint,
  getCheckpointId,
  writesSortKey,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  type PendingWrite,
  type SerializerProtocol,
} from '@langchain/langgraph-checkpoint'
import { z } from 'zod'
import type { Sql } from '../db/connect'

/** LangGraph's fixed write indexes by channel (errors, interrupts …), as a lookup by any channel name. */
const WRITE_IDX = new Map<string, number>(Object.entries(WRITES_IDX_MAP))

// bytea columns come back as Buffers
const bytes = z.instanceof(Uint8Array)
const Row = z.object({
  thread_id: z.string(),
  checkpoint_ns: z.string(),
  checkpoint_id: z.string(),
  parent_checkpoint_id: z.string().nullable(),
  type: z.string(),
  checkpoint: bytes,
  metadata: bytes,
})
type Row = z.infer<typeof Row>
const WriteRow = z.object({
  task_id: z.string(),
  idx: z.number(),
  channel: z.string(),
  type: z.string(),
  value: bytes,
  task_path: z.string(),
})

/** Where a LangGraph config points (its other configurable keys are LangGraph's own). */
const Where = z.looseObject({
  thread_id: z.string().optional(),
  checkpoint_ns: z.string().optional(),
  checkpoint_id: z.string().optional(),
})
const where = (config: RunnableConfig | undefined) => Where.parse(config?.configurable ?? {})

/**
 * LangGraph checkpoints in our own database through postgres.js (thread = run).
 *
 * Why not @langchain/langgraph-checkpoint-postgres: it needs the `pg` driver, i.e. a second
 * connection path. In embedded mode PGlite is one connection held by its socket server, so the
 * whole process (API, worker, checkpoints) must share one serialized postgres.js handle. This
 * saver follows the reference MemorySaver's semantics: writes ordered by (task_path, task_id,
 * idx); a regular write is kept once, special channels (errors, interrupts, resumes) overwrite.
 */
export class PostgresJsSaver extends BaseCheckpointSaver {
  constructor(
    private readonly sql: Sql,
    serde?: SerializerProtocol,
  ) {
    super(serde)
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const { thread_id: threadId, checkpoint_ns: ns = '' } = where(config)
    if (threadId === undefined) return undefined
    const id = getCheckpointId(config)
    const rows = z.array(Row).parse(
      id
        ? await this.sql`select * from lg_checkpoints where thread_id = ${threadId} and checkpoint_ns = ${ns} and checkpoint_id = ${id}`
        : await this.sql`select * from lg_checkpoints where thread_id = ${threadId} and checkpoint_ns = ${ns}
          order by checkpoint_id desc limit 1`,
    )
    const row = rows[0]
    return row ? this.toTuple(row) : undefined
  }

  async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    const { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: id } = where(config)
    const before = where(options?.before).checkpoint_id
    const limit = options?.limit
    const rows = z.array(Row).parse(
      await this.sql`select * from lg_checkpoints where true
      ${threadId !== undefined ? this.sql`and thread_id = ${threadId}` : this.sql``}
      ${ns !== undefined ? this.sql`and checkpoint_ns = ${ns}` : this.sql``}
      ${id ? this.sql`and checkpoint_id = ${id}` : this.sql``}
      ${before ? this.sql`and checkpoint_id < ${before}` : this.sql``}
      order by thread_id, checkpoint_ns, checkpoint_id desc`,
    )
    let remaining = limit
    for (const row of rows) {
      const tuple = await this.toTuple(row)
      const metadata: Record<string, unknown> = { ...tuple.metadata }
      if (options?.filter && !Object.entries(options.filter).every(([k, v]) => metadata[k] === v)) continue
      if (remaining !== undefined) {
        if (remaining <= 0) break
        remaining--
      }
      yield tuple
    }
  }

  async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata): Promise<RunnableConfig> {
    const { thread_id: threadId, checkpoint_ns: ns = '', checkpoint_id: parent = null } = where(config)
    if (threadId === undefined) throw new Error('checkpoint put without configurable.thread_id')
    const [[type, cp], [, md]] = await Promise.all([this.serde.dumpsTyped(copyCheckpoint(checkpoint)), this.serde.dumpsTyped(metadata)])
    await this.sql`insert into lg_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata)
      values (${threadId}, ${ns}, ${checkpoint.id}, ${parent}, ${type}, ${Buffer.from(cp)}, ${Buffer.from(md)})
      on conflict (thread_id, checkpoint_ns, checkpoint_id)
      do update set checkpoint = excluded.checkpoint, metadata = excluded.metadata, type = excluded.type`
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } }
  }

  async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    const { thread_id: threadId, checkpoint_ns: ns = '', checkpoint_id: checkpointId } = where(config)
    if (threadId === undefined || checkpointId === undefined) throw new Error('checkpoint writes need thread_id and checkpoint_id')
    const rows = await Promise.all(
      writes.map(async ([channel, value], i) => {
        const [type, bytes] = await this.serde.dumpsTyped(value)
        const idx = WRITE_IDX.get(channel) ?? i
        return {
          thread_id: threadId,
          checkpoint_ns: ns,
          checkpoint_id: checkpointId,
          task_id: taskId,
          idx,
          channel,
          type,
          value: Buffer.from(bytes),
          task_path: taskPath ?? '',
        }
      }),
    )
    if (rows.length === 0) return
    const regular = rows.filter((r) => r.idx >= 0)
    const special = rows.filter((r) => r.idx < 0)
    const cols = ['thread_id', 'checkpoint_ns', 'checkpoint_id', 'task_id', 'idx', 'channel', 'type', 'value', 'task_path'] as const
    await this.sql.begin(async (tx) => {
      if (regular.length) await tx`insert into lg_writes ${tx(regular, ...cols)} on conflict do nothing`
      if (special.length) {
        await tx`insert into lg_writes ${tx(special, ...cols)} on conflict (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
          do update set channel = excluded.channel, type = excluded.type, value = excluded.value, task_path = excluded.task_path`
      }
    })
  }

  async deleteThread(threadId: string): Promise<void> {
    await this.sql.begin(async (tx) => {
      await tx`delete from lg_writes where thread_id = ${threadId}`
      await tx`delete from lg_checkpoints where thread_id = ${threadId}`
    })
  }

  private async toTuple(row: Row): Promise<CheckpointTuple> {
    const writes = z.array(WriteRow).parse(
      await this.sql`select task_id, idx, channel, type, value, task_path from lg_writes
      where thread_id = ${row.thread_id} and checkpoint_ns = ${row.checkpoint_ns} and checkpoint_id = ${row.checkpoint_id}`,
    )
    writes.sort((a, b) => compareWritesSortKeys(writesSortKey(a.task_path, a.task_id, a.idx), writesSortKey(b.task_path, b.task_id, b.idx)))
    const pendingWrites: CheckpointPendingWrite[] = await Promise.all(
      writes.map(async (w): Promise<CheckpointPendingWrite> => [w.task_id, w.channel, await this.serde.loadsTyped(w.type, w.value)]),
    )
    const tuple: CheckpointTuple = {
      config: { configurable: { thread_id: row.thread_id, checkpoint_ns: row.checkpoint_ns, checkpoint_id: row.checkpoint_id } },
      checkpoint: await this.serde.loadsTyped(row.type, row.checkpoint),
      metadata: await this.serde.loadsTyped(row.type, row.metadata),
      pendingWrites,
    }
    if (row.parent_checkpoint_id) {
      tuple.parentConfig = {
        configurable: { thread_id: row.thread_id, checkpoint_ns: row.checkpoint_ns, checkpoint_id: row.parent_checkpoint_id },
      }
    }
    return tuple
  }
}
