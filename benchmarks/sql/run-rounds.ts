/**
 * Runs each engine on each task for the given rounds, DuckDB first in every round so its
 * answer is the reference the others are checked against. Rounds interleave the engines so
 * that a slow spell of the shared machine hits all of them.
 */
import type { EngineTask } from './engine-result.js';
import { ENGINES } from './engines.js';
import { newMeasurement, record, medianMs, sameRows, type AnswerCheck, type Measurement } from './measurement.js';
import { runEngine, type RunOptions } from './run-engine.js';

export const REFERENCE_ENGINE = 'duckdb';

export interface RoundsResult {
  measurements: Measurement[];
  /** One line per answer that differs from DuckDB's. */
  mismatches: string[];
}

/**
 * `afterTask` sees the results so far after each task's engines have run (the caller saves them,
 * so a long run that is stopped keeps them); `check` says whether an answer is DuckDB's.
 */
export async function runRounds(
  tasks: Omit<EngineTask, 'engine'>[],
  engines: string[],
  runs: number,
  options: RunOptions,
  afterTask: (sofar: RoundsResult) => void = () => {},
  check: AnswerCheck = sameRows,
): Promise<RoundsResult> {
  const ordered = [REFERENCE_ENGINE, ...engines.filter((engine) => engine !== REFERENCE_ENGINE)];
  const measurements = tasks.flatMap((task) =>
    ordered.map((engine) => newMeasurement(engine, ENGINES[engine].label, task.query, task.format)),
  );
  const mismatches: string[] = [];
  for (let round = 1; round <= runs; round++) {
    for (const task of tasks) {
      let reference: Record<string, unknown>[] | undefined;
      for (const engine of ordered) {
        const measurement = measurements.find((m) => m.engine === engine && m.query === task.query && m.format === task.format)!;
        if (measurement.status !== 'ran') continue;
        const result = runEngine({ ...task, engine }, options);
        record(measurement, result);
        if (engine === REFERENCE_ENGINE && result.kind === 'ran') reference = result.rows;
        let difference: string | null = null;
        if (engine !== REFERENCE_ENGINE && result.kind === 'ran' && reference !== undefined) {
          difference = await check(task, result.rows, reference);
          measurement.answer = difference === null ? 'same as DuckDB' : `DIFFERENT from DuckDB: ${difference}`;
        }
        if (difference !== null) {
          const line = `${engine} ${task.query} (${task.format}): answer differs from DuckDB's: ${difference}`;
          mismatches.push(line);
          console.error(`ANSWER MISMATCH: ${line}`);
        }
        console.log(`round ${round}/${runs}: ${task.query.padEnd(9)} ${task.format.padEnd(7)} ${measurement.label.padEnd(26)} ${describe(measurement, result.kind)}`);
      }
      afterTask({ measurements, mismatches });
    }
  }
  return { measurements, mismatches };
}

function describe(measurement: Measurement, kind: string): string {
  if (kind !== 'ran') return `${kind}: ${measurement.reason}`;
  const last = measurement.timesMs.length - 1;
  return `${(measurement.timesMs[last] / 1000).toFixed(2)} s, peak ${(measurement.maxRssBytes[last] / 1e6).toFixed(0)} MB` +
    (measurement.answer === undefined ? '' : `, ${measurement.answer}`) + ` (median so far ${(medianMs(measurement) / 1000).toFixed(2)} s)`;
}
