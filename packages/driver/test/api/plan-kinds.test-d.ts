// Type-level tests of the plan kinds: the wire form is derived from the PlanNode union (RDDs become
// ids, driver-only fields are left out), and per-kind tables must name every kind. Never executed;
// types.test.ts type-checks this file with the TypeScript compiler.
import type { PlanKind, WireKind, WireNode, WireOf } from '@flint/rdd';

/** True when A and B are the same type (not just mutually assignable). */
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
const same = <A, B>(..._proof: Equal<A, B> extends true ? [] : ['expected the same type']): void => undefined;

export function wireForms(): void {
  same<WireKind, PlanKind | 'stored'>();
  same<WireNode['kind'], WireKind>();
  same<WireOf<'elementwise'>['parent'], number>();
  same<WireOf<'zip'>['parents'], readonly [number, number]>();
  same<WireOf<'union'>['parents'], readonly number[]>();
  same<keyof WireOf<'shuffled'>, 'kind' | 'shuffleId'>();
  same<keyof WireOf<'parallelize'>, 'kind'>();
  same<keyof WireOf<'mapPartitions'>, 'kind' | 'parent' | 'fn' | 'withIndex'>();
}

export function tablesAreExhaustive(): void {
  // @ts-expect-error a per-kind table that leaves out a kind ('shuffled') does not compile
  const incomplete: { readonly [K in PlanKind]: number } = { parallelize: 0, range: 0, textFile: 0, empty: 0, elementwise: 0, mapPartitions: 0, union: 0, coalesce: 0, zip: 0, cartesian: 0, pipe: 0 };
  void incomplete;
}
