/**
 * get_json_object's paths, as Spark's GetJsonObject reads them: `$` then any of `.name`,
 * `['name']`, `[index]` and `[*]` (every element of an array). A path that does not parse
 * matches nothing. The value found is returned as text: a string bare, anything else as JSON;
 * through a wildcard, several values as a JSON array and a single one as its JSON (strings
 * quoted), as Spark's flattening does.
 */
import { doubleToJavaString } from '../../format/java-number.js';
import { JsonFraction } from './json-parser.js';

export type PathStep = { kind: 'field'; name: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

const STEP = /\.([^.[]+)|\['([^']*)'\]|\[(\d+)\]|\[\*\]/y;

/** The steps of a path, or undefined when it is not one Spark reads. */
export function parseJsonPath(path: string): PathStep[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: PathStep[] = [];
  STEP.lastIndex = 1;
  while (STEP.lastIndex < path.length) {
    const start = STEP.lastIndex;
    const m = STEP.exec(path);
    if (!m || m.index !== start) return undefined;
    if (m[1] !== undefined) steps.push({ kind: 'field', name: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'field', name: m[2] });
    else if (m[3] !== undefined) steps.push({ kind: 'index', index: Number(m[3]) });
    else steps.push({ kind: 'wildcard' });
  }
  return steps;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonFraction);

/** The values a path reaches in a parsed document; `wildcard` when a `[*]` step was taken. */
function evaluate(document: unknown, steps: readonly PathStep[]): { values: unknown[]; wildcard: boolean } {
  let values = [document];
  let wildcard = false;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of values) {
      if (step.kind === 'field' && isObject(v) && Object.hasOwn(v, step.name)) next.push(v[step.name]);
      else if (step.kind === 'index' && Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      else if (step.kind === 'wildcard' && Array.isArray(v)) next.push(...v);
    }
    wildcard ||= step.kind === 'wildcard';
    values = next;
  }
  return { values, wildcard };
}

/** A parsed value as Jackson writes it: compact, fractions as Java prints doubles. */
export function jacksonText(value: unknown): string {
  if (value instanceof JsonFraction) return doubleToJavaString(value.value);
  if (typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(jacksonText).join(',')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jacksonText(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** get_json_object's result for a parsed document and path steps. */
export function jsonPathText(document: unknown, steps: readonly PathStep[]): string | null {
  const { values, wildcard } = evaluate(document, steps);
  if (!wildcard) {
    const [value] = values;
    if (value === undefined || value === null) return null;
    return typeof value === 'string' ? value : jacksonText(value);
  }
  if (values.length === 0) return null;
  return values.length === 1 ? jacksonText(values[0]) : jacksonText(values);
}
