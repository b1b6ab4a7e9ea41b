// The CLI's usage text (gdlab --help), the hint said after a usage error, and whether a command
// line asks for help.
import { CODE_LANGUAGES } from '../engine/export';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { SCHEDULERS } from '../engine/schedulers/registry';

const OPTIMIZER_CHOICES = OPTIMIZERS.map((d) => d.torch ?? d.name).join(', ');
const SCHEDULER_CHOICES = SCHEDULERS.map((d) => d.name).join(', ');

/** Usage text printed by --help and after a usage error without --json. */
export const USAGE = `Usage:
  gdlab run "<formula>" [--start 1,2] [--lr 0.1] [--optimizer NAME | "Class(arg=value, ...)"]
            [--scheduler "Class(arg=value, ...)"] [--momentum 0.9] [--alpha 0.99] [--betas 0.9,0.999]
            [--eps 1e-8] [--line-search] [--max-iter N] [--tol T] [--maximize] [--trace all]
            [--param NAME=VALUE]... [--json]
            [--data FILE [--batch-size N] [--shuffle --seed N] [--epochs N]]
  gdlab sweep "<formula>" [--start ..] [--lr-min a --lr-max b --count n] [the optimizer options] [--json]
  gdlab code "<formula>" [the options of run] [--lang ${CODE_LANGUAGES.join('|')}]
  gdlab explain "<formula>" [--start ..] [--lr η] [--maximize] [--param ..] [--json]
  gdlab phase "<formula>" [--start ..] [--optimizer momentum|nesterov|adam] [--lr-min a --lr-max b]
            [--beta-min c --beta-max d] [--count N] [--max-iter N] [--tol T] [--json]
Optimizers (a name, or torch.optim's class with torch's arguments; case-insensitive): ${OPTIMIZER_CHOICES}.
Schedulers (torch.optim.lr_scheduler's): ${SCHEDULER_CHOICES}.
  e.g. --optimizer "AdamW(lr=0.1, weight_decay=0.05, amsgrad=True)" --scheduler "CosineAnnealingLR(T_max=100)"
Options take "--lr 0.1" or "--lr=0.1"; "--" ends the options (for a formula starting with "-").
--tol is the gradient-norm tolerance; --tol 0 turns every tolerance test off.
--param sets a parameter of a definition (a in "f(x) = a x^2"; \\lambda and λ are lambda); unset ones are 1.
--data reads a CSV/TSV file (header row = column names) for a loss that sums over its rows, as in
  "J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2"; --batch-size 4 alone takes rows 1-4, 5-8, ...
code prints a Python script (PyTorch by default) that reruns the run and prints its final point.
explain prints the local quadratic model at the start: the Hessian's eigen-directions, κ, the critical
and best learning rates, Polyak's heavy-ball optimum, and what gd's η does along each direction.
phase prints the iterations to converge over a grid of η × β (momentum's μ, or Adam's β1).`;

/** Said after a usage error, on the same line. */
export const USAGE_HINT = 'Run gdlab --help for the options.';

/** True for --help or -h before any "--", or the command help. */
export function asksForHelp(argv: readonly string[]): boolean {
  if (!(argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')) return false;
  const dashDash = argv.indexOf('--');
  const helpAt = Math.max(argv.indexOf('--help'), argv.indexOf('-h'), argv[0] === 'help' ? 0 : -1);
  return dashDash < 0 || helpAt < dashDash;
}
