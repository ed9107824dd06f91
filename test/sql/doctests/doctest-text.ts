/**
 * Expected text copied from PySpark docstrings: `docText` strips the indentation of a template
 * literal block, so a show() table reads in the test as it does in the docstring.
 */
export function docText(block: string): string {
  const lines = block.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
