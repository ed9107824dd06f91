const SHOWN_DIFFERENCES = 5;

/** Throws, naming the first differences, unless `actual` holds exactly the counts of `expected`. */
export function assertSameCounts(expected: Map<string, number>, actual: [string, number][], program: string): void {
  const differences: string[] = [];
  const seen = new Set<string>();
  for (const [word, count] of actual) {
    seen.add(word);
    if (expected.get(word) !== count) differences.push(`"${word}": ${count}, expected ${expected.get(word) ?? 'absent'}`);
  }
  for (const [word, count] of expected) {
    if (!seen.has(word)) differences.push(`"${word}": absent, expected ${count}`);
  }
  if (differences.length > 0 || actual.length !== expected.size) {
    const shown = differences.slice(0, SHOWN_DIFFERENCES).join('; ');
    throw new Error(
      `${program} counted differently (${differences.length} words differ, ${actual.length} entries for ` +
        `${expected.size} words): ${shown || 'a word is listed twice'}`,
    );
  }
}
