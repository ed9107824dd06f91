/**
 * Daily and per-minute averages of IoT sensor readings (`timestamp,sensor,value` CSV lines),
 * by default over generated readings of 12 sensors across 3 days, cached in the temp directory.
 * The same job with DataFrames: iot-sensors-dataframe.ts; with SQL: iot-sensors-sql.ts.
 *
 *   npx tsx examples/iot-sensors.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { runSensorAverages } from './iot-sensors/command-line.js';
import { sensorAverages } from './iot-sensors/job.js';

runSensorAverages('iot-sensors.ts', (fc, input) => sensorAverages(fc, input));
