/**
 * Times a hand-written program's iterations the way the Flint examples time theirs: the first
 * iteration also loads and parses the input.
 */
export function timedIterations<State>(load: () => State, iterations: number, iterate: (state: State) => boolean | void): number[] {
  const times: number[] = [];
  let started = performance.now();
  const state = load();
  for (let iteration = 0; iteration < iterations; iteration++) {
    const done = iterate(state) === true;
    times.push(performance.now() - started);
    started = performance.now();
    if (done) break;
  }
  return times;
}

/** The lines of a text file that are neither blank nor `#` comments. */
export function dataLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}
