// A standalone NumPy script for a run: f and its symbolic gradient (mathjs's derivative trees, as
// the engine compiles them), the optimizer's update rule and the scheduler written out, the same
// number of steps; it prints the final point as a JSON array on its last line.
import { RELATIVE_STEP } from '../compile/numeric';
import type { HyperValue } from '../hyper';
import { optimizerDescriptor } from '../optimizers/registry';
import { schedulerDescriptor, type ResolvedScheduler } from '../schedulers/registry';
import type { SchedulerName } from '../types';
import {
  gradientExpressions,
  prepare,
  pythonList,
  pythonValue,
  unpack,
  valueExpression,
  type ExportedRun,
  type Prepared,
} from './common';
import { NUMPY_ARMIJO, NUMPY_OPTIMIZERS } from './numpyOptimizers';
import { schedulerSource } from './numpySchedulers';
import { maxEvaluations } from '../optimizers/lbfgs';
import { oneCycleSteps } from '../schedulers/cyclic';
import { pythonNumber } from './python';

const HEADER = `import bisect
import json
import math

import numpy as np`;

const LERP = `def lerp(a, b, w):
    """torch's lerp: a + w·(b − a), computed from the nearer end."""
    return a + w * (b - a) if abs(w) < 0.5 else b - (b - a) * (1 - w)`;

/** f, and ∇f from the symbolic partials (central differences where the engine has none). */
function functions(run: ExportedRun, p: Prepared): string[] {
  const unpacked = p.names.length > 0 ? [`    ${unpack(p.names, 'point')}`] : [];
  const partials = gradientExpressions(run.formula, p.names);
  const lines = [
    'def f(point):',
    ...unpacked,
    `    return ${valueExpression(run.formula, p.names, 'numpy')}`,
    '',
    '',
  ];
  if (partials.some((e) => e === undefined)) {
    lines.push(
      'def central_difference(point, i):',
      '    """The engine\'s fallback where a partial has no symbolic form."""',
      `    h = ${pythonNumber(RELATIVE_STEP)} * max(1.0, abs(point[i]))`,
      '    up, down = point.copy(), point.copy()',
      '    up[i] += h',
      '    down[i] -= h',
      '    return (f(up) - f(down)) / (up[i] - down[i])',
      '',
      '',
    );
  }
  const entries = partials.map((e, i) => e ?? `central_difference(point, ${i})`);
  lines.push('def grad(point):', ...unpacked, `    return np.array([${entries.join(', ')}], dtype=float)`);
  return lines;
}

/** The hyper-parameters under torch's names, and the param group a scheduler writes. */
function hyperParameters(p: Prepared): string[] {
  const { settings } = p;
  const values = settings as unknown as Readonly<Record<string, HyperValue>>;
  const assigned = new Map<string, string>();
  for (const param of optimizerDescriptor(settings.name).params) {
    if (param.key !== 'lr' && param.key !== 'lineSearch') {
      assigned.set(param.torch, pythonValue(values[param.key]!, param));
    }
  }
  if (settings.name === 'lbfgs') assigned.set('max_eval', String(maxEvaluations(settings)));
  if (settings.name === 'adam' || settings.name === 'adamw') {
    assigned.set('decoupled', settings.name === 'adamw' ? 'True' : 'False');
  }
  if (NUMPY_OPTIMIZERS[settings.name].className === 'SGD') {
    // The presets fix what SGD's other arguments are (resolveOptimizer has set them).
    assigned.set('momentum', pythonNumber(settings.momentum));
    assigned.set('dampening', pythonNumber(settings.dampening));
    assigned.set('weight_decay', pythonNumber(settings.weightDecay));
    assigned.set('nesterov', settings.nesterov ? 'True' : 'False');
  }
  return [
    ...[...assigned].map(([name, value]) => `${name} = ${value}`),
    `group = {"lr": ${pythonNumber(settings.lr)}, "initial_lr": None, "momentum": ${pythonNumber(settings.momentum)}, "beta1": ${pythonNumber(settings.betas[0])}}`,
  ];
}

/** Every scheduler a schedule uses, parts first. */
function schedulerNames(s: ResolvedScheduler, into = new Set<SchedulerName>()): Set<SchedulerName> {
  if (s.name === 'SequentialLR' || s.name === 'ChainedScheduler') {
    for (const part of s.schedulers) schedulerNames(part, into);
  }
  into.add(s.name);
  return into;
}

/** The constructor call of a scheduler in the script; OneCycleLR gets its step count spelled out. */
function schedulerCall(s: ResolvedScheduler, p: Prepared): string {
  const descriptor = schedulerDescriptor(s.name)!;
  const values = s as unknown as Readonly<Record<string, unknown>>;
  if (s.name === 'OneCycleLR') {
    const total = oneCycleSteps(s, p.runIterations);
    const rest = descriptor.params.filter(
      (param) => !['totalSteps', 'epochs', 'stepsPerEpoch'].includes(param.key),
    );
    const args = rest.map((param) => `${param.torch}=${pythonValue(values[param.key] as HyperValue, param)}`);
    return `OneCycleLR(total_steps=${total}, ${args.join(', ')})`;
  }
  const args = descriptor.params.map((param) => {
    const value = values[param.key];
    if (param.kind === 'schedulers') {
      return `${param.torch}=[${(value as readonly ResolvedScheduler[]).map((part) => schedulerCall(part, p)).join(', ')}]`;
    }
    return `${param.torch}=${pythonValue(value as HyperValue, param)}`;
  });
  return `${s.name}(${args.join(', ')})`;
}

/** The NumPy script of a run. */
export function numpyScript(run: ExportedRun): string {
  const p = prepare(run);
  const { settings } = p;
  const label = optimizerDescriptor(settings.name).label;
  const optimizer = settings.lineSearch ? NUMPY_ARMIJO : NUMPY_OPTIMIZERS[settings.name];
  const sections = [
    `# Gradient Descent Lab: ${label}${p.scheduler ? ` with ${p.scheduler.name}` : ''}, ${p.iterations} steps, in NumPy.\n${HEADER}`,
    functions(run, p).join('\n'),
    [
      `n = ${p.names.length}`,
      `sign = ${p.maximize ? '-1.0  # maximizing: minimize -f, as torch does with maximize=True' : '1.0'}`,
      ...hyperParameters(p),
    ].join('\n'),
    `def objective(x):\n    return sign * f(x)\n\n\ndef objective_gradient(x):\n    return sign * grad(x)`,
    LERP,
    optimizer.source,
    ...(p.scheduler
      ? schedulerSource(schedulerNames(p.scheduler), optimizerDescriptor(settings.name).cycles)
      : []),
  ];
  const plateau = p.scheduler !== undefined && schedulerDescriptor(p.scheduler.name)!.fedLoss;
  const loop = [
    `optimizer = ${optimizer.className}()`,
    ...(p.scheduler ? [`scheduler = ${schedulerCall(p.scheduler, p)}`] : []),
    `point = np.array(${pythonList(p.start)}, dtype=float)`,
    'with np.errstate(all="ignore"):',
    `    for step in range(${p.iterations}):`,
    '        value = f(point)',
    '        moved = optimizer.step(point, objective_gradient(point), sign * value)',
    '        if moved is None:',
    '            break  # Newton: the Hessian is not positive definite here',
    '        point = moved',
    ...(p.scheduler ? [`        scheduler.step(${plateau ? 'value' : ''})`] : []),
    'print(json.dumps(point.tolist()))',
    '',
  ];
  return [...sections, loop.join('\n')].join('\n\n\n');
}
