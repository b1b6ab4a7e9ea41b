// Turns IR roots into JS source. Nodes used more than once become `const tN = ...` locals; the rest are
// inlined. Only IR node kinds are emitted: operators from a closed set, numbers formatted from numbers,
// variable slots `vN` and function references resolved from the fixed table.
import type { IrNode } from './ir';
import { lookupFunction } from './functionTable';

/** Statements computing the shared locals, and one JS expression per root. */
export interface EmittedBlock {
  readonly statements: readonly string[];
  readonly expressions: readonly string[];
}

/** A number as a JS literal; negative values are parenthesised so they can sit after any operator. */
export function formatNumber(value: number): string {
  if (typeof value !== 'number') throw new Error('Only numbers can be emitted');
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '(-Infinity)';
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(-${String(-value)})` : String(value);
}

/** Name of the local holding variable `index` in generated code. */
export function variableName(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error('Bad variable slot');
  return `v${index}`;
}

/** Name of the local holding parameter `index`; the underscore keeps it apart from every `<prefix><id>` local. */
export function parameterName(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error('Bad parameter slot');
  return `p_${index}`;
}

/** The statement that loads `count` parameters from the slots array `P` into their locals. */
export function loadParameters(count: number): string {
  if (count === 0) return '';
  return `const ${Array.from({ length: count }, (_, i) => `${parameterName(i)} = P[${i}]`).join(', ')};`;
}

const BINARY: Readonly<Record<string, string>> = { add: '+', sub: '-', mul: '*', div: '/' };

/** Emits the roots of a DAG; `prefix` keeps locals of separate blocks apart. */
export function emitBlock(nodes: readonly IrNode[], roots: readonly number[], prefix = 't'): EmittedBlock {
  if (!/^[a-z]+$/.test(prefix)) throw new Error('Bad local prefix');
  const uses = new Uint32Array(nodes.length);
  const seen = new Uint8Array(nodes.length);
  const stack = [...roots];
  for (const root of roots) uses[root]++;
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (seen[id]) continue;
    seen[id] = 1;
    const node = nodes[id];
    if (node.kind === 'op' || node.kind === 'call') {
      for (const arg of node.args) {
        uses[arg]++;
        stack.push(arg);
      }
    }
  }
  const isLocal = (id: number): boolean =>
    uses[id] > 1 && (nodes[id].kind === 'op' || nodes[id].kind === 'call');

  const expression = (id: number, defining: boolean): string => {
    if (!defining && isLocal(id)) return `${prefix}${id}`;
    const node = nodes[id];
    switch (node.kind) {
      case 'const':
        return formatNumber(node.value);
      case 'var':
        return variableName(node.index);
      case 'param':
        return parameterName(node.index);
      case 'call': {
        const fn = lookupFunction(node.name, node.args.length);
        return `${fn.js}(${node.args.map((a) => expression(a, false)).join(', ')})`;
      }
      case 'op': {
        const [a, b] = node.args;
        if (node.op === 'neg') return `(-${expression(a, false)})`;
        if (node.op === 'pow') return `Math.pow(${expression(a, false)}, ${expression(b, false)})`;
        const symbol = BINARY[node.op];
        if (symbol === undefined) throw new Error(`Operation ${node.op} cannot be emitted`);
        return `(${expression(a, false)} ${symbol} ${expression(b, false)})`;
      }
      default:
        throw new Error('Unknown IR node kind');
    }
  };

  const statements: string[] = [];
  for (let id = 0; id < nodes.length; id++) {
    if (seen[id] && isLocal(id)) statements.push(`const ${prefix}${id} = ${expression(id, true)};`);
  }
  return { statements, expressions: roots.map((root) => expression(root, false)) };
}
