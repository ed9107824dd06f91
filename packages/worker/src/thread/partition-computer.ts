/**
 * Computes one partition of a stage's plan on a task thread: a recursive walk over the wire
 * nodes, one handler per kind (exhaustive), reading leaves from the task's inputs. Chains of
 * element-wise nodes are fused into one loop. A persisted node's computed partition is kept as an
 * encoded block that the executor stores once the task succeeds, or (MEMORY_ONLY, where allowed)
 * held on this thread as objects (held-blocks.ts).
 */
import { encode, parentSplits, recordsToArray, type WireNode, type TaskPlan, type FnRef } from '@flint/rdd';
import { runFused } from './fused-pipeline.js';
import type { LiveStep } from './live-step.js';
import { blockKeys } from '../block-keys.js';
import { runPipe } from './pipe.js';
import type { TaskInputs } from './task-inputs.js';
import type { ProducedBlock } from './thread-messages.js';
import { keepDecoded } from './decoded-blocks.js';
import { holdPartition } from './held-blocks.js';

type Records = Iterable<unknown>;
type Fn = (...args: unknown[]) => unknown;
type Handler<K extends WireNode['kind']> = (node: Extract<WireNode, { kind: K }>, split: number) => Promise<Records> | Records;

export class PartitionComputer {
  readonly producedBlocks: ProducedBlock[] = [];
  private readonly byId: Map<number, WireNode>;

  constructor(
    private readonly plan: TaskPlan,
    private readonly inputs: TaskInputs,
    private readonly appId: string,
    private readonly holdPartitions: boolean,
  ) {
    this.byId = new Map(plan.nodes.map((n) => [n.id, n]));
  }

  computeRoot(split: number): Promise<Records> {
    return this.compute(this.plan.root, split);
  }

  private async compute(id: number, split: number): Promise<Records> {
    const node = this.node(id);
    if (node.storageLevel === undefined) return this.computeNode(node, split);
    const cached = this.inputs.cached(id, split);
    if (cached) return cached;
    const records = recordsToArray(await this.computeNode(node, split));
    const block = blockKeys.cached(id, split);
    const heldSize = this.holdPartitions ? holdPartition(this.appId, block, node.storageLevel, records) : undefined;
    if (heldSize !== undefined) {
      this.producedBlocks.push({ rddId: id, split, storageLevel: node.storageLevel, heldSize });
    } else {
      this.producedBlocks.push({ rddId: id, split, storageLevel: node.storageLevel, bytes: encode(records) });
      keepDecoded(this.appId, block, records);
    }
    return records;
  }

  private computeNode(node: WireNode, split: number): Promise<Records> | Records {
    return (this.handlers[node.kind] as Handler<typeof node.kind>)(node as never, split);
  }

  private node(id: number): WireNode {
    const node = this.byId.get(id);
    if (!node) throw new Error(`plan has no RDD ${id}`);
    return node;
  }

  private parents(node: WireNode, split: number): Promise<Records[]> {
    return Promise.all(parentSplits(node, split, this.byId).map(([id, s]) => this.compute(id, s)));
  }

  private readonly handlers: { [K in WireNode['kind']]: Handler<K> } = {
    parallelize: (node, split) => this.inputs.required(blockKeys.slice(node.id, split)),
    range: (node, split) => rangeSlice(node, split),
    textFile: (node, split) => this.inputs.text(node.splits[split]),
    empty: () => [],
    stored: (node, split) => this.inputs.stored(node.dir, node.format, split),
    shuffled: (node, split) => this.inputs.shuffle(node.shuffleId, split),
    elementwise: async (node, split) => {
      // Walk up through unpersisted element-wise parents: they all run in the same loop.
      const steps: LiveStep[] = [];
      let current: WireNode = node;
      while (current.kind === 'elementwise' && (current === node || current.storageLevel === undefined)) {
        steps.unshift({ op: current.step.op, fn: live(current.step.fn) });
        current = this.node(current.parent);
      }
      return runFused(steps, await this.compute(current.id, split));
    },
    mapPartitions: async (node, split) => {
      const [parent] = await this.parents(node, split);
      const fn = live(node.fn);
      return materialize(node.withIndex ? fn(split, parent) : fn(parent));
    },
    union: async (node, split) => {
      const parents = await this.parents(node, split);
      return parents.length === 1 ? parents[0] : parents.flatMap((records) => recordsToArray(records));
    },
    coalesce: async (node, split) => (await this.parents(node, split)).flatMap((records) => recordsToArray(records)),
    zip: async (node, split) => {
      const [left, right] = (await this.parents(node, split)).map((r) => recordsToArray(r));
      if (left.length !== right.length) {
        throw new Error('Can only zip RDDs with the same number of elements in each partition');
      }
      return left.map((x, i) => [x, right[i]]);
    },
    cartesian: async (node, split) => {
      const [left, right] = (await this.parents(node, split)).map((r) => recordsToArray(r));
      const out: unknown[] = [];
      for (const x of left) for (const y of right) out.push([x, y]);
      return out;
    },
    pipe: async (node, split) => {
      const [parent] = await this.parents(node, split);
      return runPipe(node.command, node.env, node.checkCode, parent);
    },
  };
}

/** On a worker every FnRef has been compiled into a function by the codec's decode hook. */
function live(ref: FnRef): Fn {
  return ref as unknown as Fn;
}

/** A partition function may return an array, any iterable, a promise of one, or an async iterable. */
async function materialize(result: unknown): Promise<Records> {
  const value = await result;
  if (value !== null && typeof value === 'object' && Symbol.asyncIterator in value) {
    const out: unknown[] = [];
    for await (const x of value as AsyncIterable<unknown>) out.push(x);
    return out;
  }
  if (value === null || typeof value !== 'object' || !(Symbol.iterator in value)) {
    throw new TypeError(`a partition function must return an iterable (an array or a generator), got ${value === null ? 'null' : typeof value}`);
  }
  return value as Records;
}

/** Partition `split` of range(start, end, step) cut like parallelize: [floor(i*n/k), floor((i+1)*n/k)). */
function rangeSlice(node: { start: number; end: number; step: number; numSlices: number }, split: number): number[] {
  const { start, end, step, numSlices } = node;
  const length = Math.max(0, Math.ceil((end - start) / step));
  const from = Math.floor((split * length) / numSlices);
  const to = Math.floor(((split + 1) * length) / numSlices);
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = start + i * step;
  return out;
}
