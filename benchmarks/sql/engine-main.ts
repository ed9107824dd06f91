/**
 * One engine run in its own process, so its peak memory is its own:
 * `node engine-main.js <task as JSON> <result file>` (see run-engine.ts).
 */
import { ENGINES } from './engines.js';
import { EngineSkipped } from './engines/engine.js';
import { maxRssBytes, writeEngineResult, type EngineTask } from './engine-result.js';

const [taskJson, resultFile] = process.argv.slice(2);
if (taskJson === undefined || resultFile === undefined) throw new Error('usage: engine-main.js <task JSON> <result file>');
const task = JSON.parse(taskJson) as EngineTask;
const engine = ENGINES[task.engine];
if (engine === undefined) throw new Error(`unknown engine ${task.engine}`);
try {
  const started = performance.now();
  const rows = await engine.run(task);
  writeEngineResult(resultFile, { kind: 'ran', elapsedMs: performance.now() - started, maxRssBytes: maxRssBytes(), rows });
} catch (error) {
  if (!(error instanceof EngineSkipped)) throw error;
  writeEngineResult(resultFile, { kind: 'skipped', reason: error.message });
}
