// Python and JavaScript expressions into mathjs syntax at the token level: `**` becomes `^`,
// module members such as `np.sin`, `math.exp`, `Math.pow` become table names, and a `lambda`,
// `def` or arrow header gives the variables. Every rewrite keeps the text's length (padding
// with spaces), so mathjs's error columns still point into the user's text.
import { columnOf, notAllowed, quote, syntaxError } from './errors';

/** Code rewritten into mathjs syntax, with the header's function name and parameters when there was one. */
export interface CodeRewrite {
  readonly text: string;
  readonly name?: string;
  readonly params?: readonly string[];
}

// Module paths whose members name table functions: NumPy, math, JAX, PyTorch (and its functional API, usually
// imported as F), SciPy's special functions and JavaScript's Math.
const MODULES: ReadonlySet<string> = new Set([
  'np',
  'numpy',
  'math',
  'jnp',
  'jax.numpy',
  'jax.nn',
  'torch',
  'torch.nn.functional',
  'nn.functional',
  'F',
  'torch.special',
  'scipy.special',
  'special',
  'Math',
]);

// Members of those modules, by the name a formula may use.
const MEMBERS: ReadonlyMap<string, string> = new Map([
  ...[
    'sin',
    'cos',
    'tan',
    'asin',
    'acos',
    'atan',
    'atan2',
    'sinh',
    'cosh',
    'tanh',
    'asinh',
    'acosh',
    'atanh',
  ].map((n): [string, string] => [n, n]),
  ...[
    'exp',
    'expm1',
    'log',
    'log10',
    'log2',
    'log1p',
    'sqrt',
    'cbrt',
    'abs',
    'sign',
    'pow',
    'max',
    'min',
  ].map((n): [string, string] => [n, n]),
  ['arcsin', 'asin'],
  ['arccos', 'acos'],
  ['arctan', 'atan'],
  ['arctan2', 'atan2'],
  ['arcsinh', 'asinh'],
  ['arccosh', 'acosh'],
  ['arctanh', 'atanh'],
  ['fabs', 'abs'],
  ['absolute', 'abs'],
  ['power', 'pow'],
  ['maximum', 'max'],
  ['minimum', 'min'],
  ['fmax', 'max'],
  ['fmin', 'min'],
  ['sigmoid', 'sigmoid'],
  ['expit', 'sigmoid'],
  ['softplus', 'softplus'],
  ['relu', 'relu'],
  ['logaddexp', 'logsumexp'],
  ['pi', 'pi'],
  ['PI', 'pi'],
  ['e', 'e'],
  ['E', 'e'],
  ['tau', 'tau'],
]);

const IDENT = /[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

const LAMBDA = /^(\s*lambda\s*)([^:]*):/;
const DEF = /^(\s*def\s+)([A-Za-z_]\w*)\s*\(([^)]*)\)\s*(?:->\s*\w+\s*)?:\s*(?:return\b)?/;
const ARROW = /^\s*(?:\(([^)]*)\)|([A-Za-z_]\w*))\s*=>/;
// `f = lambda x: …`, `const f = (x) => …`: the name a function is kept under, before its header.
const ASSIGNED = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_]\w*)\s*=(?![=>])\s*/;
const RETURN = /^\s*return\b/;

/** Rewrites a Python or JavaScript expression (optionally a lambda, def or arrow function) into mathjs syntax. */
export function rewriteCode(source: string): CodeRewrite {
  const header = readHeader(source);
  if (header.length > 0 && source.slice(header.length).replace(/;/g, '').trim() === '') {
    const written = source.slice(0, header.length).trimEnd();
    throw syntaxError(
      `Nothing follows ${quote(written.trim())}: select the formula it returns as well.`,
      written.length,
    );
  }
  const blanked = ' '.repeat(header.length) + source.slice(header.length);
  const text = rewriteTokens(stripTrailingSemicolon(blanked));
  return { text, name: header.name, params: header.params };
}

interface Header {
  readonly length: number;
  readonly name?: string;
  readonly params?: readonly string[];
}

/**
 * The header of a function written as code, and how many characters it spans: `def f(x):`, a
 * lambda or arrow function (possibly assigned to a name), or the `return` of a selected line.
 */
function readHeader(source: string): Header {
  const def = DEF.exec(source);
  if (def) return { length: def[0].length, name: def[2], params: splitParams(def[3], source) };
  const assigned = ASSIGNED.exec(source);
  const inner = assigned ? functionHeader(source, assigned[0].length) : undefined;
  if (assigned && inner) return { ...inner, name: assigned[1] };
  const anonymous = functionHeader(source, 0);
  if (anonymous) return anonymous;
  const ret = RETURN.exec(source);
  return { length: ret ? ret[0].length : 0 };
}

/** A lambda or arrow header starting at `from`, with its length counted from the start of `source`. */
function functionHeader(source: string, from: number): Header | undefined {
  const rest = source.slice(from);
  const lambda = LAMBDA.exec(rest);
  if (lambda) return { length: from + lambda[0].length, params: splitParams(lambda[2], source) };
  const arrow = ARROW.exec(rest);
  if (arrow) return { length: from + arrow[0].length, params: splitParams(arrow[1] ?? arrow[2], source) };
  return undefined;
}

/** Parameter names of a code header; anything but plain names (defaults, types, `*args`) is refused. */
function splitParams(list: string, source: string): readonly string[] {
  const names = list.split(',').map((p) => p.trim());
  if (names.length === 1 && names[0] === '') return [];
  for (const name of names) {
    if (!/^[A-Za-z_]\w*$/.test(name)) {
      throw notAllowed(
        `The parameter ${JSON.stringify(name)} is not a plain variable name.`,
        columnOf(source, name),
      );
    }
  }
  return names;
}

/** A JavaScript statement's final `;` is dropped (as a space), since mathjs reads `;` as a separator. */
function stripTrailingSemicolon(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.endsWith(';') ? `${trimmed.slice(0, -1)} ${text.slice(trimmed.length)}` : text;
}

/** Replaces `**` and module members token by token, skipping number literals. */
function rewriteTokens(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    NUMBER.lastIndex = i;
    IDENT.lastIndex = i;
    const number = /[\d.]/.test(text[i]) ? NUMBER.exec(text) : null;
    if (number) {
      out += number[0];
      i += number[0].length;
      continue;
    }
    const ident = IDENT.exec(text);
    if (ident) {
      out += rewriteMember(ident[0], i);
      i += ident[0].length;
      continue;
    }
    if (text.startsWith('**', i)) {
      out += '^ ';
      i += 2;
      continue;
    }
    out += text[i];
    i += 1;
  }
  return out;
}

/** A dotted name from `start` (`np.sin`, `torch.nn.functional.relu`): a module member becomes its table name padded to the same length. */
function rewriteMember(dotted: string, start: number): string {
  const parts = dotted.split('.').map((p) => p.trim());
  if (parts.length < 2) return dotted;
  const path = parts.slice(0, -1).join('.');
  if (!MODULES.has(path)) {
    // Not a module this knows: leave it for the allow-list, which refuses property access by name.
    if (!MODULES.has(parts[0])) return dotted;
    throw notAllowed(`${parts.join('.')} is not a supported function or constant.`, start + 1);
  }
  const member = MEMBERS.get(parts[parts.length - 1]);
  if (member === undefined) {
    throw notAllowed(`${parts.join('.')} is not a supported function or constant.`, start + 1);
  }
  return member.padEnd(dotted.length, ' ');
}
