// A reader for one Python constructor call such as `AdamW(lr=0.1, betas=(0.9, 0.99), amsgrad=True)`:
// a dotted name, then optionally arguments that are Python literals (numbers, True/False/None,
// quoted strings, tuples, lists) or nested calls. Nothing is evaluated; the result is data.
import { FormulaError } from '../types';

/** A literal or call, as read. */
export type PyValue =
  | { readonly type: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'none' }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'sequence'; readonly items: readonly PyValue[] }
  | { readonly type: 'ref'; readonly name: string }
  | PyCall;

export interface PyArgument {
  /** The keyword, or undefined for a positional argument. */
  readonly keyword: string | undefined;
  readonly value: PyValue;
}

export interface PyCall {
  readonly type: 'call';
  /** The dotted name as written, e.g. `torch.optim.AdamW`. */
  readonly name: string;
  /** False for a bare name without parentheses. */
  readonly parenthesized: boolean;
  readonly args: readonly PyArgument[];
}

/** Longest text read, so that a pasted essay is refused before it is scanned. */
export const MAX_SPEC_LENGTH = 2000;
/** Deepest nesting of tuples, lists and calls. */
const MAX_DEPTH = 8;

const TOKEN =
  /\s*(?:(?<number>(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)|(?<name>[A-Za-z_][A-Za-z0-9_]*)|(?<string>'[^'\\\n]*'|"[^"\\\n]*")|(?<punct>[()[\],=.+-]))/y;

interface Token {
  readonly kind: 'number' | 'name' | 'string' | 'punct' | 'end';
  readonly text: string;
  /** 1-based character position. */
  readonly at: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (match === null || match.groups === undefined) {
      const at = position + (text.slice(position).length - text.slice(position).trimStart().length) + 1;
      throw new FormulaError(
        `Cannot read "${text}": unexpected "${text.charAt(at - 1)}" at character ${at}`,
        'bad-option',
      );
    }
    const kind = (['number', 'name', 'string', 'punct'] as const).find(
      (k) => match.groups![k] !== undefined,
    )!;
    const raw = match.groups[kind]!;
    tokens.push({ kind, text: raw, at: match.index + match[0].length - raw.length + 1 });
    position = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', at: text.length + 1 });
  return tokens;
}

class Reader {
  private index = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  fail(message: string, token = this.peek()): never {
    const where = token.kind === 'end' ? 'at the end' : `at character ${token.at}`;
    throw new FormulaError(`Cannot read "${this.text}": ${message} ${where}`, 'bad-option');
  }
  peek(): Token {
    return this.tokens[this.index]!;
  }
  next(): Token {
    return this.tokens[this.index++]!;
  }
  accept(text: string): boolean {
    if (this.peek().kind === 'punct' && this.peek().text === text) {
      this.index++;
      return true;
    }
    return false;
  }
  expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected "${text}"`);
  }

  dottedName(): string {
    const first = this.next();
    if (first.kind !== 'name') this.fail('expected a name', first);
    let name = first.text;
    while (this.accept('.')) {
      const part = this.next();
      if (part.kind !== 'name') this.fail('expected a name after "."', part);
      name += `.${part.text}`;
    }
    return name;
  }

  /** name, then `(args)` or nothing; `()` after a lower-case reference (model.parameters()) keeps it a reference. */
  callOrRef(depth: number): PyValue {
    const name = this.dottedName();
    if (!this.accept('(')) return { type: 'ref', name };
    const args: PyArgument[] = [];
    while (!this.accept(')')) {
      args.push(this.argument(depth + 1));
      if (!this.accept(',')) {
        this.expect(')');
        break;
      }
    }
    return { type: 'call', name, parenthesized: true, args };
  }

  argument(depth: number): PyArgument {
    const token = this.peek();
    const after = this.tokens[this.index + 1];
    if (token.kind === 'name' && after?.kind === 'punct' && after.text === '=') {
      this.index += 2;
      return { keyword: token.text, value: this.value(depth) };
    }
    return { keyword: undefined, value: this.value(depth) };
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    const token = this.peek();
    if (token.kind === 'number') return this.number(1);
    if (token.kind === 'punct' && (token.text === '-' || token.text === '+')) {
      this.next();
      if (this.peek().kind !== 'number') this.fail('expected a number');
      return this.number(token.text === '-' ? -1 : 1);
    }
    if (token.kind === 'string') {
      this.next();
      return { type: 'string', value: token.text.slice(1, -1) };
    }
    if (token.kind === 'name' && ['True', 'False', 'None'].includes(token.text)) {
      this.next();
      return token.text === 'None' ? { type: 'none' } : { type: 'bool', value: token.text === 'True' };
    }
    if (token.kind === 'name') return this.callOrRef(depth);
    if (this.accept('(')) return this.sequence(')', depth, true);
    if (this.accept('[')) return this.sequence(']', depth, false);
    return this.fail('expected a value');
  }

  number(sign: number): PyValue {
    const token = this.next();
    const text = token.text.replace(/_/g, '');
    const value = sign * Number(text);
    if (!Number.isFinite(value)) this.fail(`"${token.text}" is not a finite number`, token);
    return { type: 'number', value, integer: /^\d+$/.test(text) };
  }

  /** A tuple or list; `(v)` without a comma is v itself, as in Python. */
  sequence(close: string, depth: number, tuple: boolean): PyValue {
    const items: PyValue[] = [];
    let comma = false;
    while (!this.accept(close)) {
      items.push(this.value(depth + 1));
      if (!this.accept(',')) {
        this.expect(close);
        break;
      }
      comma = true;
    }
    return tuple && items.length === 1 && !comma ? items[0]! : { type: 'sequence', items };
  }
}

/** Reads `text` as one call (or a bare name); throws a FormulaError 'bad-option' at the first mistake. */
export function readCall(text: string): PyCall {
  if (text.length > MAX_SPEC_LENGTH) {
    throw new FormulaError(
      `The specification is ${text.length} characters long; the limit is ${MAX_SPEC_LENGTH}`,
      'bad-option',
    );
  }
  const reader = new Reader(tokenize(text), text);
  if (reader.peek().kind === 'end') reader.fail('expected a class name');
  const value = reader.callOrRef(0);
  if (reader.peek().kind !== 'end') reader.fail('unexpected text');
  return value.type === 'call'
    ? value
    : { type: 'call', name: (value as { name: string }).name, parenthesized: false, args: [] };
}
