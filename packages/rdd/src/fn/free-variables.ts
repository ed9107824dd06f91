/**
 * Finds the free variables of a function's source text.
 *
 * A function shipped to a worker is compiled there from its source, far from the scope it was
 * written in, so any name it uses that is neither declared inside it nor a JS global would be a
 * ReferenceError on the worker. We report those names on the driver, at the call site.
 *
 * The analysis is deliberately simple: a name counts as declared if it is declared anywhere inside
 * the function (parameters, var/let/const, function and class names, catch parameters). Shadowing
 * across sibling blocks can therefore hide a free variable; the worker then still reports it as a
 * ReferenceError, so nothing goes wrong silently — it is only reported later.
 */
import type { Node } from 'acorn';
import { parseExpressionAt } from './acorn-parser.js';

type AnyNode = Node & Record<string, unknown>;

/** Parses `source` as a single expression and returns the names it uses without declaring them. */
export function freeVariables(expressionSource: string): string[] {
  const root = parseExpressionAt(expressionSource, 0, { ecmaVersion: 'latest' }) as AnyNode;
  const declared = new Set<string>();
  const referenced = new Set<string>();
  visit(root, declared, referenced);
  return [...referenced].filter((name) => !declared.has(name));
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function visitChildren(node: AnyNode, declared: Set<string>, referenced: Set<string>, skip: string[] = []): void {
  for (const key of Object.keys(node)) {
    if (skip.includes(key)) continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) visit(item, declared, referenced);
    } else if (isNode(child)) {
      visit(child, declared, referenced);
    }
  }
}

/** Records the names a binding pattern declares and visits the expressions inside it (defaults, computed keys). */
function declarePattern(pattern: AnyNode, declared: Set<string>, referenced: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      declared.add(pattern.name as string);
      return;
    case 'ObjectPattern':
      for (const property of pattern.properties as AnyNode[]) {
        if (property.type === 'RestElement') {
          declarePattern(property.argument as AnyNode, declared, referenced);
          continue;
        }
        if (property.computed) visit(property.key as AnyNode, declared, referenced);
        declarePattern(property.value as AnyNode, declared, referenced);
      }
      return;
    case 'ArrayPattern':
      for (const element of pattern.elements as (AnyNode | null)[]) {
        if (element) declarePattern(element, declared, referenced);
      }
      return;
    case 'RestElement':
      declarePattern(pattern.argument as AnyNode, declared, referenced);
      return;
    case 'AssignmentPattern':
      declarePattern(pattern.left as AnyNode, declared, referenced);
      visit(pattern.right as AnyNode, declared, referenced);
      return;
    default:
      // A member expression as a for-in/of target (`for (a.b of xs)`): it only reads names.
      visit(pattern, declared, referenced);
  }
}

function visitFunction(node: AnyNode, declared: Set<string>, referenced: Set<string>): void {
  if (node.id) declared.add((node.id as AnyNode).name as string);
  for (const param of node.params as AnyNode[]) declarePattern(param, declared, referenced);
  visit(node.body as AnyNode, declared, referenced);
}

function visit(node: AnyNode, declared: Set<string>, referenced: Set<string>): void {
  switch (node.type) {
    case 'Identifier':
      referenced.add(node.name as string);
      return;
    case 'FunctionExpression':
    case 'FunctionDeclaration':
    case 'ArrowFunctionExpression':
      visitFunction(node, declared, referenced);
      return;
    case 'ClassDeclaration':
    case 'ClassExpression':
      if (node.id) declared.add((node.id as AnyNode).name as string);
      visitChildren(node, declared, referenced, ['id']);
      return;
    case 'VariableDeclarator':
      declarePattern(node.id as AnyNode, declared, referenced);
      if (node.init) visit(node.init as AnyNode, declared, referenced);
      return;
    case 'CatchClause':
      if (node.param) declarePattern(node.param as AnyNode, declared, referenced);
      visit(node.body as AnyNode, declared, referenced);
      return;
    case 'MemberExpression':
      visit(node.object as AnyNode, declared, referenced);
      if (node.computed) visit(node.property as AnyNode, declared, referenced);
      return;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      if (node.computed) visit(node.key as AnyNode, declared, referenced);
      if (node.value) visit(node.value as AnyNode, declared, referenced);
      return;
    case 'LabeledStatement':
      visit(node.body as AnyNode, declared, referenced);
      return;
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'MetaProperty':
    case 'PrivateIdentifier':
      return;
    default:
      visitChildren(node, declared, referenced);
  }
}
