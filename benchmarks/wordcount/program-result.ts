import { readFileSync, writeFileSync } from 'node:fs';

/** What each benchmarked program (a child process) reports back to the benchmark. */
export interface ProgramResult {
  /** From the program's start of work (before any thread or context exists) to its counts. */
  elapsedMs: number;
  /** The process's peak resident set size, all its threads included. */
  maxRssBytes: number;
  counts: [string, number][];
}

/** A program's command line: `<input text> <result file>`. */
export function programArgs(): { input: string; resultFile: string } {
  const [input, resultFile] = process.argv.slice(2);
  if (input === undefined || resultFile === undefined) throw new Error('usage: <program> <input text> <result file>');
  return { input, resultFile };
}

export function writeProgramResult(resultFile: string, startedMs: number, counts: Map<string, number>): void {
  const result: ProgramResult = {
    elapsedMs: performance.now() - startedMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    counts: [...counts],
  };
  writeFileSync(resultFile, JSON.stringify(result));
}

export function readProgramResult(resultFile: string): ProgramResult {
  return JSON.parse(readFileSync(resultFile, 'utf8')) as ProgramResult;
}
