// Data from a workspace file stays in the host: the webview caps a formula's text at 10,000
// characters and is untrusted, so it holds a reference (`\0file\0<id>\0<rows>` in place of the CSV)
// and the host swaps the data back in when the webview sends the text. vscode-free for tests.
import { boundRows, dataOfText, FILE_REF, splitData, withData } from '../../engine/data/bound';
import { FormulaError } from '../../engine/types';

/** The data texts bound from files, by the id the webview's text refers to them by. */
export class DataRefs {
  private readonly held = new Map<number, string>();
  private nextId = 1;

  /** Keeps a file's data text: from now on the webview sees a reference in its place. */
  hold(csv: string): void {
    if (![...this.held.values()].includes(csv)) this.held.set(this.nextId++, csv);
  }

  /** A bound text as the webview gets it: a held file's data as its reference; any other text as it is. */
  toView(text: string): string {
    const { formula, origin, csv } = splitData(text);
    if (origin === undefined || csv === undefined) return text;
    const id = [...this.held].find(([, held]) => held === csv)?.[0];
    return id === undefined ? text : withData(formula, origin, `${FILE_REF}${id}\u0000${boundRows(text)}`);
  }

  /** A text from the webview with a reference's data put back; a reference the host never gave stays as it is (and fails as data). */
  fromView(text: string): string {
    const { formula, origin, csv } = splitData(text);
    if (origin === undefined || csv === undefined || !csv.startsWith(FILE_REF)) return text;
    const id = Number(csv.slice(FILE_REF.length).split('\u0000')[0]);
    const held = this.held.get(id);
    return held === undefined ? text : withData(formula, origin, held);
  }
}

/**
 * `text` (a run's formula text) bound to a file's data instead of any it had, read and checked with
 * the table reader and its limits: the new text and a line for the person, or the reason it cannot be.
 */
export function bindFile(
  text: string,
  origin: string,
  csv: string,
): { readonly text: string; readonly notice: string } | { readonly error: string } {
  const name = origin.split('\n').join(' ').split('\u0000').join(' ');
  try {
    const bound = withData(splitData(text).formula, name, csv);
    const table = dataOfText(bound)!;
    return {
      text: bound,
      notice: `Using ${name}: ${table.rows.toLocaleString('en-US')} rows of ${table.columns.join(', ')}.`,
    };
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    return { error: error.message };
  }
}
