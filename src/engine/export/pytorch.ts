// A standalone PyTorch script for a run: f with torch operations on a float64 tensor, the same
// torch.optim optimizer and lr_scheduler, the same number of steps; it prints the final point as a
// JSON array on its last line. Newton's method and gd's Armijo search, which torch.optim lacks,
// are written out with autograd.
import type { HyperValue } from '../hyper';
import { HESSIAN_STEP } from '../hessian';
import { ARMIJO_C, ARMIJO_MAX_HALVINGS } from '../optimizers/lineSearch';
import { optimizerDescriptor } from '../optimizers/registry';
import { oneCycleSteps } from '../schedulers/cyclic';
import { schedulerDescriptor, type ResolvedScheduler } from '../schedulers/registry';
import {
  optimizerArguments,
  prepare,
  pythonList,
  pythonValue,
  unpack,
  valueExpression,
  type ExportedRun,
  type Prepared,
} from './common';
import { pythonNumber } from './python';

/** torch.optim's class for an engine optimizer; the SGD presets are SGD. */
function torchClass(p: Prepared): string {
  const { torch } = optimizerDescriptor(p.settings.name);
  return torch ?? 'SGD';
}

function optimizerLine(p: Prepared): string {
  const args = optimizerArguments(p.settings);
  if (p.settings.nesterov && p.settings.name !== 'sgd') args.push('nesterov=True');
  // torch 1.13's default NAdam path multiplies mu into mu_product_next twice; its foreach path and
  // torch >= 2.0 compute the rule the engine follows.
  if (p.settings.name === 'nadam') args.push('foreach=True');
  return `optimizer = torch.optim.${torchClass(p)}([params], ${args.join(', ')})`;
}

/** A scheduler constructor call; composites build their parts first, in order, as the engine does. */
function schedulerCall(s: ResolvedScheduler, p: Prepared): string {
  const descriptor = schedulerDescriptor(s.name)!;
  const values = s as unknown as Readonly<Record<string, HyperValue | readonly ResolvedScheduler[]>>;
  const args = descriptor.params.map((param) => {
    const value = values[param.key]!;
    if (param.kind === 'schedulers') {
      return `${param.torch}=[${(value as readonly ResolvedScheduler[]).map((part) => schedulerCall(part, p)).join(', ')}]`;
    }
    // OneCycleLR without total_steps or epochs spans the run: torch needs the number.
    if (s.name === 'OneCycleLR' && param.key === 'totalSteps' && value === null && values.epochs === null) {
      return `total_steps=${oneCycleSteps(s, p.runIterations)}`;
    }
    return `${param.torch}=${pythonValue(value as HyperValue, param)}`;
  });
  const target = s.name === 'ChainedScheduler' ? [] : ['optimizer'];
  return `torch.optim.lr_scheduler.${s.name}(${[...target, ...args].join(', ')})`;
}

const HEADER = `import json
import math

import torch

# Double precision throughout, the optimizers' scalar state included (as the engine computes).
torch.set_default_dtype(torch.float64)`;

/** The loop with torch.optim: loss = f(x); loss.backward(); optimizer.step(); scheduler.step(). */
function optimLoop(p: Prepared): string[] {
  const plateau = p.scheduler !== undefined && schedulerDescriptor(p.scheduler.name)!.fedLoss;
  const lines = [optimizerLine(p)];
  if (p.scheduler !== undefined) lines.push(`scheduler = ${schedulerCall(p.scheduler, p)}`);
  lines.push(
    '',
    '',
    'def closure():',
    '    optimizer.zero_grad()',
    `    loss = ${p.maximize ? '-f(params)  # maximizing: torch minimizes -f, the same steps as maximize=True' : 'f(params)'}`,
    '    loss.backward()',
    '    return loss',
    '',
    '',
    `for step in range(${p.iterations}):`,
  );
  if (plateau) lines.push('    value = f(params).item()');
  lines.push('    optimizer.step(closure)');
  if (p.scheduler !== undefined) lines.push(`    scheduler.step(${plateau ? 'value' : ''})`);
  return lines;
}

/** Gradient of the loss (−f when maximizing) by autograd. */
function gradientFunction(p: Prepared): string[] {
  return [
    'def gradient(point):',
    '    point = point.detach().requires_grad_(True)',
    `    (g,) = torch.autograd.grad(${p.maximize ? '-' : ''}f(point), point)`,
    '    return g',
  ];
}

/** Newton's method with the engine's Hessian: central differences of the gradient, symmetrised. */
function newtonLoop(p: Prepared): string[] {
  const n = p.names.length;
  return [
    ...gradientFunction(p),
    '',
    '',
    'def hessian(point):',
    `    h = torch.empty(${n}, ${n})`,
    `    for i in range(${n}):`,
    `        step = ${pythonNumber(HESSIAN_STEP)} * max(1.0, abs(point[i].item()))`,
    '        up, down = point.clone(), point.clone()',
    '        up[i] += step',
    '        down[i] -= step',
    '        h[i] = (gradient(up) - gradient(down)) / (up[i] - down[i])',
    '    return 0.5 * (h + h.T)',
    '',
    '',
    `lr, shift = ${pythonNumber(p.settings.lr)}, ${pythonNumber(p.settings.shift)}`,
    `for step in range(${p.iterations}):`,
    `    factor, info = torch.linalg.cholesky_ex(hessian(params) + shift * torch.eye(${n}))`,
    '    if info != 0:',
    '        break  # not positive definite: the Newton step would not descend',
    '    direction = torch.cholesky_solve(gradient(params).unsqueeze(1), factor).squeeze(1)',
    '    params = (params - lr * direction).detach()',
  ];
}

/** gd with Armijo backtracking: halve the step until f decreases enough. */
function armijoLoop(p: Prepared): string[] {
  return [
    ...gradientFunction(p),
    '',
    '',
    `sign = ${p.maximize ? '-1.0' : '1.0'}`,
    `for step in range(${p.iterations}):`,
    '    g = gradient(params)',
    '    phi = sign * f(params).item()',
    `    t = ${pythonNumber(p.settings.lr)}`,
    `    for k in range(${ARMIJO_MAX_HALVINGS + 1}):`,
    '        trial = params - t * g',
    `        if sign * f(trial).item() <= phi - ${pythonNumber(ARMIJO_C)} * t * float(torch.dot(g, g)):`,
    '            break',
    `        if k < ${ARMIJO_MAX_HALVINGS}:`,
    '            t *= 0.5',
    '    params = trial.detach()',
  ];
}

/** The PyTorch script of a run. */
export function pytorchScript(run: ExportedRun): string {
  const p = prepare(run);
  const label = optimizerDescriptor(p.settings.name).label;
  const body =
    p.settings.name === 'newton' ? newtonLoop(p) : p.settings.lineSearch ? armijoLoop(p) : optimLoop(p);
  return [
    `# Gradient Descent Lab: ${label}${p.scheduler ? ` with ${p.scheduler.name}` : ''}, ${p.iterations} steps.`,
    HEADER,
    '',
    '',
    'def f(params):',
    ...(p.names.length > 0 ? [`    ${unpack(p.names, 'params')}`] : []),
    `    return ${valueExpression(run.formula, p.names, 'torch')}`,
    '',
    '',
    `params = torch.tensor(${pythonList(p.start)}, dtype=torch.float64, requires_grad=${p.settings.name === 'newton' || p.settings.lineSearch ? 'False' : 'True'})`,
    ...body,
    '',
    'print(json.dumps(params.tolist()))',
    '',
  ].join('\n');
}
