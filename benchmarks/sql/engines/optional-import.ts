/** Imports an optional dependency, or skips the engine (saying which package is missing). */
import { EngineSkipped } from './engine.js';

export async function optionalImport<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new EngineSkipped(`${name} is not installed (${(error as Error).message.split('\n')[0]})`);
  }
}
