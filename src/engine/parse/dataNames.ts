// What a formula with sums over a data set asks of the data: the row count's name (taken out of the
// free names, so that m is never a variable) and the columns its bodies refer to.
import type { MathNode } from '../math';
import type { DataSpec } from '../types';
import { dataSumsOf, readColumn, readDataSum, type ColumnRef } from './dataSum';
import { notAllowed } from './errors';

/** The data spec of a tree and its free names without the row count, or undefined without data sums. */
export function dataOf(
  expression: MathNode,
  symbols: ReadonlySet<string>,
  params: readonly string[] | undefined,
): { spec: DataSpec; symbols: ReadonlySet<string> } | undefined {
  const sums = dataSumsOf(expression);
  if (sums.length === 0) return undefined;
  const counts = [...new Set(sums.map((s) => s.count))];
  if (counts.length > 1) {
    throw notAllowed(`The sums over the data run to ${counts.join(' and ')}: one name must count the rows.`);
  }
  const [count] = counts;
  if (params?.includes(count)) {
    throw notAllowed(`${count} counts the rows of the data, so it cannot be a variable of the function.`);
  }
  for (const sum of sums) {
    sum.body.traverse((node) => {
      if (readDataSum(node) !== undefined) {
        throw notAllowed('A sum over the data cannot hold another sum over the data.');
      }
    });
  }
  const columns: ColumnRef[] = [];
  expression.traverse((node) => {
    const ref = readColumn(node);
    if (ref !== undefined && !columns.some((c) => c.base === ref.base && c.feature === ref.feature)) {
      columns.push(ref);
    }
  });
  const free = new Set([...symbols].filter((s) => s !== count));
  if (free.size === 0) {
    throw notAllowed(
      `The sum over the data has nothing to fit: it reads only columns. Write the model's parameters in it, as in \\sum_{i=1}^{${count}} (w x_i - y_i)^2.`,
    );
  }
  return { spec: { count, columns }, symbols: free };
}
