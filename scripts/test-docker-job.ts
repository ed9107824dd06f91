/**
 * The job that `npm run test:docker` submits to the containerised cluster (usable on any master):
 *
 *   flint submit scripts/test-docker-job.ts --master flint://HOST:PORT -- INPUT OUTPUT.json
 *
 * Two shuffle map stages read INPUT (a text file, e.g. dfs:///path): stage 0 counts every word,
 * stage 1 counts the words that start a line; the result stage joins them:
 * word -> [occurrences, lines it starts or null]. Each stage runs after the other, so a worker
 * killed during stage 1 takes stage 0's map outputs with it. The scheduler's events go to stdout
 * as `event {json}` lines for the test to follow; the joined result goes to OUTPUT.json, sorted.
 */
import { writeFileSync } from 'node:fs';
import { FlintContext } from '@flint/driver';

const [input, output, partitions = '6'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: flint submit scripts/test-docker-job.ts [--master URL] -- INPUT OUTPUT.json [PARTITIONS]');
  process.exit(2);
}
const numPartitions = Number(partitions);

const started = performance.now();
const since = (): number => Math.round(performance.now() - started);
const emit = (event: Record<string, unknown>): void => console.log(`event ${JSON.stringify({ ms: since(), ...event })}`);

const fc = await FlintContext.create({ appName: 'docker-test' });
fc.addListener((event) => {
  switch (event.type) {
    case 'stageSubmitted':
      return emit({ type: 'stageSubmitted', stage: event.stageId, attempt: event.attempt, numTasks: event.numTasks });
    case 'stageCompleted':
      // Only attempts that finished, as the checks in test-docker/job.ts count them.
      return event.failureReason === undefined ? emit({ type: 'stageCompleted', stage: event.stageId }) : undefined;
    case 'stageResubmitted':
      return emit({ type: 'stageResubmitted', stage: event.stageId, reason: event.reason });
    case 'taskEnd':
      return emit({ type: 'taskEnded', stage: event.stageId, partition: event.partition, attempt: event.attempt, executor: event.executorId, outcome: event.status });
    case 'executorLost':
      return emit({ type: 'executorLost', executor: event.executorId, lostMapOutputs: event.lostMapOutputs, lostCachedPartitions: event.lostCachedPartitions });
  }
});

try {
  const lines = fc.textFile(input);
  const counts = lines
    .flatMap((line) => line.split(' '))
    .filter((word) => word.length > 0)
    .map((word): [string, number] => [word, 1])
    .reduceByKey((a, b) => a + b, numPartitions);
  const lineStarts = lines
    .filter((line) => line.length > 0)
    .map((line): [string, number] => [line.split(' ', 1)[0], 1])
    .reduceByKey((a, b) => a + b, numPartitions);
  const joined = await counts.leftOuterJoin(lineStarts).collect();
  joined.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(output, JSON.stringify(joined));
  emit({ type: 'done', words: joined.length });
} finally {
  await fc.stop();
}
