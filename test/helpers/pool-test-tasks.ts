// Tasks for server/compute/pool.test.ts only: a compute thread loads this registry instead of server/pool-tasks.ts.
import { AppError } from '../../server/errors'
import { ClusterOptionError } from '../../server/seo/cluster'
import type { Registry } from '../../server/compute/registry'

export const tasks: Registry = {
  double: (v: Float32Array) => v.map((x) => x * 2),
  fail: ({ kind }: { kind: string }) => {
    if (kind === 'app') throw new AppError('bad_request', 'no usable rows', [{ path: 'x', message: 'y' }])
    if (kind === 'cluster') throw new ClusterOptionError('lexical threshold is a similarity between 0 and 1')
    throw new TypeError('plain')
  },
  crash: () => process.exit(3),
  spin: ({ ms }: { ms: number }) => {
    const end = Date.now() + ms
    while (Date.now() < end);
    return ms
  },
}
