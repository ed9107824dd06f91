/**
 * to_json's `pretty` option: compact JSON laid out as Jackson's DefaultPrettyPrinter does it —
 * each object field on its own line, indented two spaces per enclosing object, `"name" : value`,
 * arrays on one line as `[ 1, 2 ]`, empty ones as `{ }` and `[ ]`.
 */
export function prettyJson(compact: string): string {
  let out = '';
  const open: ('{' | '[')[] = [];
  const newline = () => `\n${'  '.repeat(open.filter((c) => c === '{').length)}`;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (c === '"') {
      const start = i;
      for (i++; compact[i] !== '"'; i++) if (compact[i] === '\\') i++;
      out += compact.slice(start, i + 1);
    } else if ((c === '{' || c === '[') && compact[i + 1] === (c === '{' ? '}' : ']')) {
      out += `${c} ${compact[++i]}`;
    } else if (c === '{' || c === '[') {
      open.push(c);
      out += c === '{' ? `{${newline()}` : '[ ';
    } else if (c === '}' || c === ']') {
      open.pop();
      out += c === '}' ? `${newline()}}` : ' ]';
    } else if (c === ',') {
      out += open[open.length - 1] === '{' ? `,${newline()}` : ', ';
    } else if (c === ':') {
      out += ' : ';
    } else {
      out += c;
    }
  }
  return out;
}
