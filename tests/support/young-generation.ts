import { AsyncLocalStorage } from 'node:async_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

type Collect = (options?: { type: 'minor' | 'major' }) => void;

let collect: Collect | undefined;

/**
 * V8's collector on demand, in this process (where the test server runs too): `collect()` is a full
 * collection, `collect({ type: 'minor' })` a young one. The flag works when set before the first context
 * asks for it.
 */
export function collector(): Collect {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as Collect;
  }
  return collect;
}

const oldSpaceUsed = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_used_size;

const requests = new AsyncLocalStorage<object>();

/**
 * What a request leaves for V8's old generation: runs `work` `times` times, each inside a context of its
 * own holding about 12 KB (as a request's context holds its EntityManager and rows), then lets the young
 * generation be collected twice, which copies to the old generation whatever is still reachable from it.
 * A finished request must leave nothing there: what it leaves stays until the next full collection,
 * and under load those come every few seconds (ADR 0021). Returns the old generation's growth in bytes.
 */
export function oldGenerationGrowth(times: number, work: (context: object) => void): number {
  const gc = collector();
  gc({ type: 'major' });
  const before = oldSpaceUsed();
  // Fresh allocation sites for every measurement: V8 allocates straight into the old generation from a
  // site whose objects mostly survived before (pretenuring), as the kept contexts of another one did.
  const makeContext = vm.runInThisContext('() => ({ rows: Array.from({ length: 500 }, (_, row) => ({ row })) })') as () => object;
  for (let index = 0; index < times; index += 1) {
    const context = makeContext();
    requests.run(context, () => work(context));
  }
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  return oldSpaceUsed() - before;
}

export const MB = 1024 * 1024;
