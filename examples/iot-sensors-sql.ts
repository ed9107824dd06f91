/**
 * The IoT sensor averages of iot-sensors.ts, written in SQL.
 *
 *   npx tsx examples/iot-sensors-sql.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { runSensorAverages } from './iot-sensors/command-line.js';
import { sensorAveragesSql } from './iot-sensors/dataframe-job.js';

runSensorAverages('iot-sensors-sql.ts', sensorAveragesSql);
