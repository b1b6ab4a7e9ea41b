// parseFormula: any selected text (Markdown, LaTeX, plain math, Python, JavaScript) to a Formula
// whose tree holds only allow-listed nodes, or a FormulaError a person can read. Nothing else
// escapes: parser crashes and stack overflows are turned into typed errors here.
import { FormulaError, type Formula, type Notation } from '../types';
import { allowListed } from './allowList';
import { dataOf } from './dataNames';
import { resolveNorms } from './norm';
import { latinName } from './greek';
import { assertVariableName } from './names';
import { rewriteCode } from './code';
import { syntaxError } from './errors';
import { parseLatex } from './latex';
import { selectNotation } from './notation';
import { parsePlain, type RawFormula } from './plain';
import { normalizePlain } from './plainText';
import { refuseNotFunctions, updateRule, valueGiven } from './notFunctions';
import { refuseInvisible } from './text';
import { splitNames } from './variables';

/** Limits on what parseFormula accepts. */
export interface ParseLimits {
  /** Longest text accepted, in characters (default 10,000). */
  readonly maxLength?: number;
  /** Most variables accepted (default 1,000). */
  readonly maxVariables?: number;
}

/** Defaults for ParseLimits. */
export const DEFAULT_PARSE_LIMITS: Required<ParseLimits> = { maxLength: 10_000, maxVariables: 1_000 };

/** Deepest bracket nesting accepted; far beyond any real formula, and well inside every parser's stack. */
export const MAX_NESTING = 100;

/** Parses a selection into an allow-listed Formula; throws only FormulaError. */
export function parseFormula(text: string, limits?: ParseLimits): Formula {
  try {
    return parseUnchecked(text, { ...DEFAULT_PARSE_LIMITS, ...limits });
  } catch (error) {
    if (error instanceof FormulaError) throw error;
    if (error instanceof RangeError) {
      throw new FormulaError('The formula is too long or too deeply nested to read.', 'too-long');
    }
    throw syntaxError('The formula could not be read.');
  }
}

function parseUnchecked(text: string, limits: Required<ParseLimits>): Formula {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new FormulaError('The selection is empty: select a formula such as f(x) = 2x^2.', 'empty');
  }
  if (text.length > limits.maxLength) {
    throw new FormulaError(
      `The selection is ${text.length} characters long; formulas of up to ${limits.maxLength} characters are read.`,
      'too-long',
    );
  }
  refuseInvisible(text);
  checkNesting(text);
  const selection = selectNotation(text);
  if (selection.notation === 'latex' || selection.notation === 'plain') {
    refuseNotFunctions(selection.body, selection.offset);
  }
  const { raw, notation } = readRaw(selection.notation, selection.body, selection.offset);
  const codeKeywords = notation !== 'latex';
  for (const param of raw.params ?? []) assertVariableName(param, text, codeKeywords);
  // θ on the left is the theta of the body, whichever way each was written.
  const params = raw.params?.map(latinName);
  const tree = allowListed(raw.expression, text, {
    proseCheck: notation === 'plain',
    letterProducts: notation === 'plain',
    codeKeywords,
    declared: new Set(params ?? []),
  });
  if (raw.assigned !== undefined && tree.symbols.has(raw.assigned)) {
    throw updateRule(selection.body.trim());
  }
  if (raw.assigned !== undefined && tree.symbols.size === 0) {
    throw valueGiven(raw.assigned, selection.body.trim());
  }
  const normed = resolveNorms(tree.expression, tree.symbols);
  const data = dataOf(normed.expression, normed.symbols, params);
  const symbols = data === undefined ? normed.symbols : data.symbols;
  const { variables, parameters } = splitNames(symbols, params, limits.maxVariables);
  return {
    ...(data === undefined ? {} : { data: data.spec }),
    source: text,
    expression: normed.expression,
    variables,
    notation,
    ...(raw.name === undefined ? {} : { name: raw.name }),
    parameters,
  };
}

/** Parses the body in its notation; plain text that mathjs cannot read but that has LaTeX-only marks (`|x|`, braces) gets a second chance as LaTeX. */
function readRaw(notation: Notation, body: string, offset: number): { raw: RawFormula; notation: Notation } {
  switch (notation) {
    case 'latex':
      return { raw: parseLatex(body, offset), notation };
    case 'python':
    case 'javascript': {
      const normalized = normalizePlain(body);
      const code = rewriteCode(normalized.text);
      const raw = parsePlain(code.text, offset, normalized);
      if (code.params === undefined) return { raw, notation };
      if (raw.params !== undefined) {
        throw syntaxError('The function is defined twice over; select just its body.');
      }
      return { raw: { ...raw, name: code.name, params: code.params }, notation };
    }
    case 'plain':
      try {
        const normalized = normalizePlain(body);
        return { raw: parsePlain(normalized.text, offset, normalized), notation };
      } catch (error) {
        if (!(error instanceof FormulaError) || error.code !== 'syntax' || !/[|{}]/.test(body)) throw error;
        try {
          return { raw: parseLatex(body, offset), notation: 'latex' };
        } catch {
          throw error;
        }
      }
  }
}

/** Refuses bracket nesting deeper than MAX_NESTING before any recursive parser sees it. */
function checkNesting(text: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') {
      depth += 1;
      if (depth > MAX_NESTING) {
        throw new FormulaError(
          `The brackets are nested more than ${MAX_NESTING} levels deep.`,
          'too-long',
          i + 1,
        );
      }
    } else if ((c === ')' || c === ']' || c === '}') && depth > 0) {
      depth -= 1;
    }
  }
}
