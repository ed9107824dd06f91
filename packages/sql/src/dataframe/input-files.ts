/** `df.inputFiles()`: the files the file scans of a plan read, as URIs, sorted, each once (Spark's best-effort snapshot). */
import { planChildren, type LogicalPlan } from '../plan/logical-plan.js';
import { fileUri } from '../io/input-file.js';

export function inputFilesOf(plan: LogicalPlan): string[] {
  const files = new Set<string>();
  const visit = (p: LogicalPlan): void => {
    if (p.kind === 'relation') p.source.inputFiles?.forEach((f) => files.add(fileUri(f)));
    planChildren(p).forEach(visit);
  };
  visit(plan);
  return [...files].sort();
}
