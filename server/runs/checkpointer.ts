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
import type { Sql } from '../db/connect'

type Row = {
  thread_id: string
  checkpoint_ns: string
  checkpoint_id: string
  parent_checkpoint_id: string | null
  type: string
  checkpoint: Uint8Array
  metadata: Uint8Array
}

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
    const threadId = config.configurable?.thread_id as string | undefined
    if (threadId === undefined) return undefined
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? ''
    const id = getCheckpointId(config)
    const rows = (id
      ? await this.sql`select * from lg_checkpoints where thread_id = ${threadId} and checkpoint_ns = ${ns} and checkpoint_id = ${id}`
      : await this.sql`select * from lg_checkpoints where thread_id = ${threadId} and checkpoint_ns = ${ns}
          order by checkpoint_id desc limit 1`) as unknown as Row[]
    const row = rows[0]
    return row ? this.toTuple(row) : undefined
  }

  async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    const threadId = config.configurable?.thread_id as string | undefined
    const ns = config.configurable?.checkpoint_ns as string | undefined
    const id = config.configurable?.checkpoint_id as string | undefined
    const before = options?.before?.configurable?.checkpoint_id as string | undefined
    const limit = options?.limit
    const rows = (await this.sql`select * from lg_checkpoints where true
      ${threadId !== undefined ? this.sql`and thread_id = ${threadId}` : this.sql``}
      ${ns !== undefined ? this.sql`and checkpoint_ns = ${ns}` : this.sql``}
      ${id ? this.sql`and checkpoint_id = ${id}` : this.sql``}
      ${before ? this.sql`and checkpoint_id < ${before}` : this.sql``}
      order by thread_id, checkpoint_ns, checkpoint_id desc`) as unknown as Row[]
    let remaining = limit
    for (const row of rows) {
      const tuple = await this.toTuple(row)
      if (options?.filter && !Object.entries(options.filter).every(([k, v]) => (tuple.metadata as Record<string, unknown>)?.[k] === v))
        continue
      if (remaining !== undefined) {
        if (remaining <= 0) break
        remaining--
      }
      yield tuple
    }
  }

  async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata): Promise<RunnableConfig> {
    const threadId = config.configurable?.thread_id as string | undefined
    if (threadId === undefined) throw new Error('checkpoint put without configurable.thread_id')
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? ''
    const parent = (config.configurable?.checkpoint_id as string | undefined) ?? null
    const [[type, cp], [, md]] = await Promise.all([this.serde.dumpsTyped(copyCheckpoint(checkpoint)), this.serde.dumpsTyped(metadata)])
    await this.sql`insert into lg_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata)
      values (${threadId}, ${ns}, ${checkpoint.id}, ${parent}, ${type}, ${Buffer.from(cp)}, ${Buffer.from(md)})
      on conflict (thread_id, checkpoint_ns, checkpoint_id)
      do update set checkpoint = excluded.checkpoint, metadata = excluded.metadata, type = excluded.type`
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } }
  }

  async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    const threadId = config.configurable?.thread_id as string | undefined
    const ns = (config.configurable?.checkpoint_ns as string | undefined) ?? ''
    const checkpointId = config.configurable?.checkpoint_id as string | undefined
    if (threadId === undefined || checkpointId === undefined) throw new Error('checkpoint writes need thread_id and checkpoint_id')
    const rows = await Promise.all(
      writes.map(async ([channel, value], i) => {
        const [type, bytes] = await this.serde.dumpsTyped(value)
        const idx = (WRITES_IDX_MAP as Record<string, number>)[channel] ?? i
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
    const writes = (await this.sql`select task_id, idx, channel, type, value, task_path from lg_writes
      where thread_id = ${row.thread_id} and checkpoint_ns = ${row.checkpoint_ns} and checkpoint_id = ${row.checkpoint_id}`) as unknown as {
      task_id: string
      idx: number
      channel: string
      type: string
      value: Uint8Array
      task_path: string
    }[]
    writes.sort((a, b) => compareWritesSortKeys(writesSortKey(a.task_path, a.task_id, a.idx), writesSortKey(b.task_path, b.task_id, b.idx)))
    const pendingWrites: CheckpointPendingWrite[] = await Promise.all(
      writes.map(async (w) => [w.task_id, w.channel, await this.serde.loadsTyped(w.type, w.value)] as CheckpointPendingWrite),
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
