/**
 * The driver's log output on stderr, filtered by level as Spark's log4j root logger is:
 * `fc.setLogLevel('ERROR')` silences the notices (WARN) and progress lines (INFO) below it.
 * The default is WARN, PySpark's default for applications.
 */
const LEVELS = ['ALL', 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF'] as const;

export type LogLevel = (typeof LEVELS)[number];

/** Spark's VALID_LOG_LEVELS, as its error message lists them. */
const VALID_LOG_LEVELS = [...LEVELS].sort().join(',');

export class DriverLog {
  private threshold = LEVELS.indexOf('WARN');

  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  /** Accepts any case, as Spark does; anything else is Spark's `require` failure. */
  setLevel(level: string): void {
    const index = LEVELS.indexOf(String(level).toUpperCase() as LogLevel);
    if (index < 0) throw new Error(`requirement failed: Supplied level ${level} did not match one of: ${VALID_LOG_LEVELS}`);
    this.threshold = index;
  }

  get level(): LogLevel {
    return LEVELS[this.threshold];
  }

  warn(line: string): void {
    this.log('WARN', line);
  }

  info(line: string): void {
    this.log('INFO', line);
  }

  private log(level: LogLevel, line: string): void {
    if (LEVELS.indexOf(level) >= this.threshold) this.write(line);
  }
}
