// Command-line parsing for the headless CLI: the stable contract of issue 2 §5. Options take
// `--name value` or `--name=value` (values may begin with '-'), flags take no value, and `--`
// ends the options so that a formula beginning with a minus sign can follow. Each value is checked
// by optionValues.ts, the options together by optionChecks.ts; help is usage.ts's.
import { COMMANDS, UsageError, type CliArgs, type Command, type Mutable, type ParsedArgs } from './cliArgs';
import { checkCombinations } from './optionChecks';
import { OPTIONS } from './optionTable';
import { applyOption, pick } from './optionValues';
import { asksForHelp } from './usage';

export { UsageError, type CliArgs, type Command, type ParsedArgs } from './cliArgs';

/** True when the argument list asks for JSON output, looked up leniently so errors can honour it. */
export function wantsJson(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--json') return true;
  }
  return false;
}

function commandOf(command: string | undefined): Command {
  if (command === undefined) throw new UsageError(`Missing command: ${COMMANDS.join(', ')}.`);
  const known = pick(command, COMMANDS);
  if (known === undefined) throw new UsageError(`Unknown command "${command}": use ${COMMANDS.join(', ')}.`);
  return known;
}

/** Parses `argv` (without node and the script path). Throws UsageError on any mistake. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (asksForHelp(argv)) return { command: 'help' };
  const [command, ...rest] = argv;
  const known = commandOf(command);
  const out: Mutable<CliArgs> = {
    command: known,
    formula: '',
    json: false,
    lineSearch: false,
    maximize: false,
    traceAll: false,
    shuffle: false,
  };
  const positionals = readOptions(rest, known, out);
  if (positionals.length === 0) throw new UsageError(`Missing formula: ${known} "<formula>".`);
  if (positionals.length > 1) {
    throw new UsageError(`Expected one formula, got ${positionals.length} arguments; quote the formula.`);
  }
  out.formula = positionals[0]!;
  checkCombinations(out);
  return out;
}

/** Reads the options after the command into `out`; returns the other arguments (the formula). */
function readOptions(rest: readonly string[], known: Command, out: Mutable<CliArgs>): string[] {
  const positionals: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    const spec = Object.prototype.hasOwnProperty.call(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (spec === undefined) {
      throw new UsageError(
        `Unknown option "${arg}". A formula that starts with "-" goes after "--", e.g. run -- "${arg}".`,
      );
    }
    if (!spec.commands.includes(known)) throw new UsageError(`--${name} is not an option of ${known}.`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      applyOption(out, name, '');
      continue;
    }
    let value: string;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= rest.length) throw new UsageError(`--${name} needs a value.`);
      value = rest[++i]!;
    }
    applyOption(out, name, value);
  }
  return positionals;
}
