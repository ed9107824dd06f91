/**
 * Java regular expressions (what Spark's colRegex and regex functions take) as JavaScript ones:
 * possessive quantifiers (`x?+`, `x*+`, `x++`, `x{n,m}+`), which JavaScript lacks, become an
 * atomic match (a lookahead captures what the greedy quantifier takes, a backreference consumes
 * exactly that, so the engine cannot backtrack into it); a leading `(?i)`, `(?s)` or `(?m)`
 * becomes a flag; `wholeString` anchors it (Java's Matcher.matches). Everything else is the same
 * in both dialects for the patterns Spark users write.
 */
export function javaRegex(pattern: string, flags = '', wholeString = false): RegExp {
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  const source = withAtomicPossessives(inline ? pattern.slice(inline[0].length) : pattern);
  return new RegExp(wholeString ? `^(?:${source})$` : source, [...new Set(flags + (inline?.[1] ?? ''))].join(''));
}

function withAtomicPossessives(src: string): string {
  let out = '';
  const groupStarts: number[] = [];
  /** Where in `out` the atom a quantifier would apply to starts (-1: none). */
  let atom = -1;
  let atomics = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      atom = out.length;
      out += src.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atom = out.length;
      out += src.slice(i, j + 1);
      i = j;
    } else if (c === '(') {
      groupStarts.push(out.length);
      // A group's own syntax: (?:, (?=, (?!, (?<=, (?<!, (?<name>.
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z][A-Za-z0-9]*>)/.exec(src.slice(i))?.[0] ?? '(';
      out += prefix;
      i += prefix.length - 1;
      atom = -1;
    } else if (c === ')') {
      atom = groupStarts.pop() ?? 0;
      out += c;
    } else if ((c === '?' || c === '*' || c === '+' || c === '{') && atom >= 0) {
      const quantifier = c === '{' ? src.slice(i, src.indexOf('}', i) + 1) || c : c;
      i += quantifier.length - 1;
      if (src[i + 1] === '+') {
        const name = `flintAtomic${++atomics}`;
        out = `${out.slice(0, atom)}(?=(?<${name}>${out.slice(atom)}${quantifier}))\\k<${name}>`;
        i++;
      } else {
        out += quantifier;
        if (src[i + 1] === '?') out += src[++i];
      }
      atom = -1;
    } else {
      atom = out.length;
      out += c;
    }
  }
  return out;
}
