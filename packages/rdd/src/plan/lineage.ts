/**
 * The one walk over a lineage: every RDD reachable from a root through its dependencies, each
 * once, parents before the RDDs computed from them. Iterative, so long lineages (iterative jobs)
 * cannot overflow the stack.
 */
import type { RDD } from '../rdd.js';
import { dependencies, type Dependency } from './node-properties.js';

/** Follows every dependency (the whole lineage, across shuffles). */
export const allDependencies = (): boolean => true;
/** Follows narrow dependencies only: what one stage's tasks compute, and its shuffle boundaries. */
export const narrowDependencies = (dependency: Dependency): boolean => !dependency.shuffle;

/** `root` and the RDDs it is computed from through the dependencies `follow` accepts, parents first. */
export function lineage(root: RDD<unknown>, follow: (dependency: Dependency) => boolean = allDependencies): RDD<unknown>[] {
  const ordered: RDD<unknown>[] = [];
  const entered = new Set<number>();
  const stack: { rdd: RDD<unknown>; expanded: boolean }[] = [{ rdd: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.expanded) {
      ordered.push(stack.pop()!.rdd);
    } else if (entered.has(top.rdd.id())) {
      stack.pop(); // reached again through another path: already walked, or being walked below
    } else {
      entered.add(top.rdd.id());
      top.expanded = true;
      // Pushed in reverse, so that parents are walked in dependency order.
      const parents = dependencies(top.rdd).filter(follow).map((dependency) => dependency.rdd);
      for (const parent of parents.reverse()) if (!entered.has(parent.id())) stack.push({ rdd: parent, expanded: false });
    }
  }
  return ordered;
}
