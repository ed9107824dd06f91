/**
 * The IoT sensor averages of iot-sensors.ts, written with the DataFrame API.
 *
 *   npx tsx examples/iot-sensors-dataframe.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { runSensorAverages } from './iot-sensors/command-line.js';
import { sensorAveragesDataFrame } from './iot-sensors/dataframe-job.js';

runSensorAverages('iot-sensors-dataframe.ts', sensorAveragesDataFrame);
