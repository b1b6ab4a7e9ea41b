// A hash-consed expression DAG built from allow-listed mathjs trees. Identical subexpressions of f and
// of every partial become one node, which is how common-subexpression elimination happens; constant
// leftovers of `derivative(..., { simplify: false })` such as `(2 - 1)` or `0 * u` are folded away here.
import type { MathNode } from '../math';
import { CONSTANTS } from '../functions';
import { lookupFunction } from './functionTable';

/** Arithmetic operations of the IR. */
export type IrOp = 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow';

/** One DAG node; children are ids of earlier nodes, so ids are already in evaluation order. */
export type IrNode =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'var'; readonly index: number }
  /** A parameter, read from its slot when the generated code runs (so it can change without recompiling). */
  | { readonly kind: 'param'; readonly index: number }
  | { readonly kind: 'op'; readonly op: IrOp; readonly args: readonly number[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly number[] };

const OPERATOR_FN: ReadonlyMap<string, { readonly unary?: IrOp; readonly binary?: IrOp }> = new Map([
  ['add', { binary: 'add' as IrOp }],
  ['subtract', { binary: 'sub' as IrOp }],
  ['multiply', { binary: 'mul' as IrOp }],
  ['divide', { binary: 'div' as IrOp }],
  ['pow', { binary: 'pow' as IrOp }],
  ['unaryMinus', { unary: 'neg' as IrOp }],
  ['unaryPlus', {}],
]);

function evalOp(op: IrOp, a: number, b: number): number {
  switch (op) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'neg':
      return -a;
    case 'pow':
      return Math.pow(a, b);
  }
}

/** Builds the shared DAG; `fromMath` converts (and re-checks) one mathjs tree. */
export class IrBuilder {
  readonly nodes: IrNode[] = [];
  private readonly ids = new Map<string, number>();

  private readonly slots: ReadonlyMap<string, number>;
  private readonly parameterSlots: ReadonlyMap<string, number>;

  constructor(variables: readonly string[], parameters: readonly string[] = []) {
    // A map, not indexOf: a sum over 1,000 variables would otherwise scan the list per symbol.
    this.slots = new Map(variables.map((name, i) => [name, i] as const));
    this.parameterSlots = new Map(parameters.map((name, i) => [name, i] as const));
  }

  /** Converts an allow-listed mathjs tree, throwing on any node kind, operator or name outside the tables. */
  fromMath(node: MathNode): number {
    switch (node.type) {
      case 'ParenthesisNode':
        return this.fromMath((node as unknown as { content: MathNode }).content);
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== 'number') throw new Error('Only numeric constants can be compiled');
        return this.constant(value);
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        const index = this.slots.get(name);
        if (index !== undefined) return this.intern(`v${index}`, { kind: 'var', index });
        const slot = this.parameterSlots.get(name);
        if (slot !== undefined) return this.intern(`p${slot}`, { kind: 'param', index: slot });
        const constant = CONSTANTS.get(name);
        if (constant === undefined) throw new Error(`Unknown symbol "${name}"`);
        return this.constant(constant);
      }
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; args: MathNode[] };
        const spec = OPERATOR_FN.get(op.fn);
        if (spec === undefined) throw new Error(`Operator ${op.fn} cannot be compiled`);
        const args = op.args.map((arg) => this.fromMath(arg));
        if (args.length === 1 && spec.unary) return this.op(spec.unary, [args[0]]);
        if (args.length === 1 && op.fn === 'unaryPlus') return args[0];
        // mathjs makes n-ary sums and products (derivative's product rule does); fold them left to right.
        if (args.length >= 2 && spec.binary) {
          return args.slice(1).reduce((acc, arg) => this.op(spec.binary as IrOp, [acc, arg]), args[0]);
        }
        throw new Error(`Operator ${op.fn} with ${args.length} arguments cannot be compiled`);
      }
      case 'FunctionNode': {
        const fn = node as unknown as { fn: MathNode; args: MathNode[] };
        if (fn.fn.type !== 'SymbolNode') throw new Error('Only named functions can be compiled');
        const name = (fn.fn as unknown as { name: string }).name;
        const args = fn.args.map((arg) => this.fromMath(arg));
        return this.call(name, args);
      }
      default:
        throw new Error(`Node kind ${node.type} cannot be compiled`);
    }
  }

  /** A numeric constant node. */
  constant(value: number): number {
    const key = Object.is(value, -0) ? 'c-0' : `c${value}`;
    return this.intern(key, { kind: 'const', value });
  }

  /** The constant value of a node, or undefined when it is not constant. */
  constantOf(id: number): number | undefined {
    const node = this.nodes[id];
    return node.kind === 'const' ? node.value : undefined;
  }

  /** A call of a table function, folded when every argument is constant. */
  call(name: string, args: readonly number[]): number {
    const entry = lookupFunction(name, args.length);
    const values = args.map((a) => this.constantOf(a));
    if (values.every((v) => v !== undefined)) return this.constant(entry.impl(...(values as number[])));
    return this.intern(`${name}(${args.join(',')})`, { kind: 'call', name, args: [...args] });
  }

  /** An arithmetic node after folding and the exact (or derivative-only) identities below. */
  op(op: IrOp, args: readonly number[]): number {
    const [a, b] = args;
    const ca = this.constantOf(a);
    const cb = b === undefined ? undefined : this.constantOf(b);
    if (ca !== undefined && (op === 'neg' || cb !== undefined)) return this.constant(evalOp(op, ca, cb ?? 0));
    switch (op) {
      case 'neg': {
        const inner = this.nodes[a];
        if (inner.kind === 'op' && inner.op === 'neg') return inner.args[0];
        break;
      }
      case 'add':
        if (ca === 0) return b;
        if (cb === 0) return a;
        break;
      case 'sub':
        if (cb === 0) return a;
        if (ca === 0) return this.op('neg', [b]);
        if (a === b) return this.constant(0);
        break;
      case 'mul':
        // 0 * u terms come from derivative's product rule; their true value is 0.
        if (ca === 0 || cb === 0) return this.constant(0);
        if (ca === 1) return b;
        if (cb === 1) return a;
        if (ca === -1) return this.op('neg', [b]);
        if (cb === -1) return this.op('neg', [a]);
        if (ca !== undefined || cb !== undefined) {
          return this.scale(ca ?? (cb as number), ca !== undefined ? b : a);
        }
        // u * (-w) = -(u * w) exactly; hoisting the sign lets it meet a constant factor further up.
        for (const [u, w] of [
          [a, b],
          [b, a],
        ]) {
          const negated = this.nodes[w];
          if (negated.kind === 'op' && negated.op === 'neg') {
            return this.op('neg', [this.op('mul', [u, negated.args[0]])]);
          }
        }
        break;
      case 'div':
        if (ca === 0) return this.constant(0);
        if (cb === 1) return a;
        break;
      case 'pow':
        if (cb === 1) return a;
        if (cb === 0) return this.constant(1);
        return this.power(a, b, cb);
    }
    // Addition and multiplication are exactly commutative in IEEE arithmetic, so ordering helps sharing.
    const ordered = (op === 'add' || op === 'mul') && a > b ? [b, a] : [...args];
    return this.intern(`${op}(${ordered.join(',')})`, { kind: 'op', op, args: ordered });
  }

  /** c * u, merging constants only where that is exact: signs always, and factors that are powers of two. */
  private scale(c: number, u: number): number {
    const inner = this.nodes[u];
    if (inner.kind === 'op' && inner.op === 'neg') return this.op('mul', [this.constant(-c), inner.args[0]]);
    if (inner.kind === 'op' && inner.op === 'mul') {
      const [p, q] = inner.args;
      const cp = this.constantOf(p);
      const cq = this.constantOf(q);
      const k = cp ?? cq;
      if (k !== undefined && (isPowerOfTwo(c) || isPowerOfTwo(k)) && Number.isFinite(c * k) && c * k !== 0) {
        return this.op('mul', [this.constant(c * k), cp !== undefined ? q : p]);
      }
    }
    const [first, second] = [this.constant(c), u];
    return this.intern(`mul(${Math.min(first, second)},${Math.max(first, second)})`, {
      kind: 'op',
      op: 'mul',
      args: [Math.min(first, second), Math.max(first, second)],
    });
  }

  /** Small integer powers become products (x^2 -> x*x, x^4 -> (x*x)*(x*x)), others stay Math.pow. */
  private power(base: number, exponent: number, value: number | undefined): number {
    if (value !== undefined && Number.isInteger(value) && Math.abs(value) <= 4) {
      const square = (id: number): number =>
        this.intern(`mul(${id},${id})`, { kind: 'op', op: 'mul', args: [id, id] });
      const magnitude = Math.abs(value);
      let product: number;
      if (magnitude === 1) product = base;
      else if (magnitude === 2) product = square(base);
      else if (magnitude === 3) product = this.op('mul', [square(base), base]);
      else product = square(square(base));
      return value < 0 ? this.op('div', [this.constant(1), product]) : product;
    }
    return this.intern(`pow(${base},${exponent})`, { kind: 'op', op: 'pow', args: [base, exponent] });
  }

  private intern(key: string, node: IrNode): number {
    const existing = this.ids.get(key);
    if (existing !== undefined) return existing;
    this.nodes.push(node);
    const id = this.nodes.length - 1;
    this.ids.set(key, id);
    return id;
  }
}

function isPowerOfTwo(value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude >= 2 ** -1022 && Number.isFinite(magnitude) && Number.isInteger(Math.log2(magnitude));
}
