/**
 * Window specifications after OVER, named windows (WINDOW w AS (...)), frames, and the sort
 * items shared with ORDER BY.
 */
import type { Expr, FrameBound, SortItem, WindowFrame, WindowRef, WindowSpec } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseValue } from './expressions.js';

/** After OVER: a window name, `(name)`, or a specification in parentheses. */
export function parseOver(c: Cursor): WindowSpec | WindowRef {
  if (!c.isOp('(')) return { kind: 'windowRef', name: c.identifier('a window name or (') };
  if (c.isIdentifier(1) && c.isOp(')', 2)) {
    c.next();
    const name = c.identifier();
    c.next();
    return { kind: 'windowRef', name };
  }
  return parseWindowSpec(c);
}

/** ( [PARTITION|DISTRIBUTE BY exprs] [ORDER|SORT BY items] [frame] ) */
export function parseWindowSpec(c: Cursor): WindowSpec {
  c.expectOp('(');
  let partitionBy: Expr[] = [];
  if (c.isWord(['PARTITION', 'DISTRIBUTE']) && c.isWord('BY', 1)) {
    c.next();
    c.next();
    partitionBy = [parseExpr(c)];
    while (c.acceptOp(',')) partitionBy.push(parseExpr(c));
  }
  let orderBy: SortItem[] = [];
  if (c.isWord(['ORDER', 'SORT']) && c.isWord('BY', 1)) {
    c.next();
    c.next();
    orderBy = parseSortItems(c);
  }
  const frame = c.isWord(['ROWS', 'RANGE']) ? parseFrame(c) : null;
  c.expectOp(')');
  return { kind: 'windowSpec', partitionBy, orderBy, frame };
}

/** ROWS|RANGE bound, or ROWS|RANGE BETWEEN bound AND bound (a single bound ends at CURRENT ROW). */
function parseFrame(c: Cursor): WindowFrame {
  const unit = c.next().upper === 'ROWS' ? 'rows' : 'range';
  if (c.acceptWord('BETWEEN')) {
    const start = parseFrameBound(c);
    c.expectWord('AND');
    return { unit, start, end: parseFrameBound(c) };
  }
  return { unit, start: parseFrameBound(c), end: { kind: 'currentRow' } };
}

function parseFrameBound(c: Cursor): FrameBound {
  if (c.acceptWord('UNBOUNDED')) {
    if (c.acceptWord('PRECEDING')) return { kind: 'unboundedPreceding' };
    if (c.acceptWord('FOLLOWING')) return { kind: 'unboundedFollowing' };
    throw c.error('expected PRECEDING or FOLLOWING');
  }
  if (c.isWord('CURRENT') && c.isWord('ROW', 1)) {
    c.next();
    c.next();
    return { kind: 'currentRow' };
  }
  const offset = parseValue(c);
  if (c.acceptWord('PRECEDING')) return { kind: 'preceding', offset };
  if (c.acceptWord('FOLLOWING')) return { kind: 'following', offset };
  throw c.error('expected PRECEDING or FOLLOWING');
}

export function parseSortItems(c: Cursor): SortItem[] {
  const items = [parseSortItem(c)];
  while (c.acceptOp(',')) items.push(parseSortItem(c));
  return items;
}

/** expr [ASC|DESC] [NULLS FIRST|LAST]; nulls come first when ascending, last when descending. */
function parseSortItem(c: Cursor): SortItem {
  const expr = parseExpr(c);
  const ascending = c.acceptWord('DESC') ? false : (c.acceptWord('ASC'), true);
  let nullsFirst = ascending;
  if (c.acceptWord('NULLS')) {
    if (c.acceptWord('FIRST')) nullsFirst = true;
    else if (c.acceptWord('LAST')) nullsFirst = false;
    else throw c.error('expected FIRST or LAST after NULLS');
  }
  return { expr, ascending, nullsFirst };
}
