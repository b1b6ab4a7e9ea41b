// Plain math (and rewritten code) through the hardened mathjs parser, with a definition's left
// side (`f(x) = ...`, `L(w, b) = ...`, `y = ...`) split from the expression it defines.
import { parseExpression, type MathNode } from '../math';
import { FormulaError } from '../types';
import { EQUATION_MESSAGE, notAllowed, syntaxError } from './errors';

/** A parsed but not yet allow-listed formula: the expression and, for a definition, its name and parameters. */
export interface RawFormula {
  readonly expression: MathNode;
  readonly name?: string;
  readonly params?: readonly string[];
  /** The name on the left of a bare `y = ...`, which is dropped. */
  readonly assigned?: string;
  /** Where the expression starts in the original text (0-based), for columns of later errors. */
  readonly offset: number;
}

// Characters that text copied from rendered math carries; each maps to one ASCII character, so columns stay true.
const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '\u2212': '-',
  '\u2013': '-',
  '\u00d7': '*',
  '\u00b7': '*',
  '\u22c5': '*',
  '\u00f7': '/',
};

/** Parses mathjs-syntax text whose first character sits at `offset` in the original selection. */
export function parsePlain(text: string, offset: number): RawFormula {
  const ascii = text.replace(/[\u2212\u2013\u00d7\u00b7\u22c5\u00f7]/g, (c) => TYPOGRAPHIC[c]);
  const root = parseMathjs(ascii, offset);
  switch (root.type) {
    case 'FunctionAssignmentNode': {
      const node = root as MathNode & { name: string; params: string[]; expr: MathNode };
      return { expression: node.expr, name: node.name, params: [...node.params], offset };
    }
    case 'AssignmentNode': {
      const node = root as MathNode & { object: MathNode; index: unknown; value: MathNode };
      if (node.object.type !== 'SymbolNode' || node.index !== null) {
        throw notAllowed(
          'Assigning to a part of something (as in a[1] = ... or a.b = ...) is not a formula.',
        );
      }
      return { expression: node.value, assigned: (node.object as MathNode & { name: string }).name, offset };
    }
    case 'BlockNode':
      throw notAllowed('The selection holds several statements; select a single formula.');
    default:
      return { expression: root, offset };
  }
}

/** mathjs's parse with its SyntaxError turned into a FormulaError at the right column. */
function parseMathjs(text: string, offset: number): MathNode {
  try {
    return parseExpression(text);
  } catch (error) {
    if (error instanceof FormulaError || error instanceof RangeError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const char = (error as { char?: unknown }).char;
    const column = typeof char === 'number' ? offset + Math.max(1, Math.min(char, text.length)) : undefined;
    // mathjs reads `x^2 + y^2 = z` as an assignment to an expression; to a person it is an equation.
    if (/^Invalid left hand side of assignment operator/.test(message)) {
      throw notAllowed(EQUATION_MESSAGE, column);
    }
    throw syntaxError(`Cannot read the formula: ${message.replace(/\s*\(char \d+\)$/, '')}.`, column);
  }
}
