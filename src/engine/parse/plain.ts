// Plain math (and rewritten code) through the hardened mathjs parser, with a definition's left
// side (`f(x) = ...`, `L(w, b) = ...`, `y = ...`) split from the expression it defines.
import { parseExpression, type MathNode } from '../math';
import { FormulaError } from '../types';
import { EQUATION_MESSAGE, notAllowed, syntaxError } from './errors';
import { checkBrackets, describeMathjsError } from './syntaxWords';
import { originOf, unchanged, type Rewritten } from './text';

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

/** Parses mathjs-syntax `text` (rewritten from the person's text as `origin` records) whose first character sits at `offset`. */
export function parsePlain(text: string, offset: number, origin: Rewritten = unchanged(text)): RawFormula {
  const column = (index: number): number => offset + originOf(origin, index) + 1;
  // mathjs reads # as the start of a comment: a Markdown heading would parse as nothing at all.
  if (text.trimStart().startsWith('#')) {
    throw syntaxError(
      'This is a Markdown heading or a comment (#), not a formula.',
      column(text.indexOf('#')),
    );
  }
  checkBrackets(text, column);
  const root = parseMathjs(text, column);
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
function parseMathjs(text: string, columnOf: (index: number) => number): MathNode {
  try {
    return parseExpression(text);
  } catch (error) {
    if (error instanceof FormulaError || error instanceof RangeError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const raw = (error as { char?: unknown }).char;
    const char = typeof raw === 'number' ? Math.max(1, Math.min(raw, text.length)) : undefined;
    const column = char === undefined ? undefined : columnOf(char - 1);
    // mathjs reads `x^2 + y^2 = z` as an assignment to an expression; to a person it is an equation.
    if (/^Invalid left hand side of assignment operator/.test(message)) {
      throw notAllowed(EQUATION_MESSAGE, column);
    }
    const words = describeMathjsError(message.replace(/\s*\(char \d+\)$/, ''), text, char, column);
    throw syntaxError(words, column);
  }
}
