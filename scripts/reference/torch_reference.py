"""Reference trajectories from torch.optim and torch.optim.lr_scheduler themselves.

Run with a Python that has torch (Debian's python3-torch 1.13 made the committed files):
    /usr/bin/python3 scripts/reference/torch_reference.py
It writes test/reference/optimizers.json and test/reference/schedulers.json. Each case gives a formula
(engine syntax), a start, an optimizer and maybe a scheduler in torch's constructor syntax (the
engine's --optimizer/--scheduler syntax), and the number of iterations; torch's loop is
    loss = f(x); loss.backward(); opt.step(); sched.step()   (ReduceLROnPlateau: sched.step(loss))
with LBFGS as opt.step(closure). Recorded: every iterate and the learning rate of every step.
"""

import functools
import inspect
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)  # the optimizers' scalar state (ASGD's eta, NAdam's mu_product) too

FUNCTIONS = {
    "quartic": ("x^4 - 3*x^2 + x", ["x"], [2.0]),
    "wave": ("(x - 2)^2 + 0.5*sin(3*x)", ["x"], [0.5]),
    "rosenbrock": ("(1 - x)^2 + 100*(y - x^2)^2", ["x", "y"], [-1.2, 1.0]),
    "valley": ("x^2 + 10*y^2 + x*y", ["x", "y"], [3.0, -2.0]),
    "bowl3": ("x^2 + 2*y^2 + 3*z^2 + x*y - y*z + 0.5*x^4", ["x", "y", "z"], [1.0, -1.0, 2.0]),
    "coupled3": ("(x - 1)^2 + (y + 2)^2 + (z - 0.5)^2 + 0.3*x*y*z + exp(0.1*z)", ["x", "y", "z"], [0.0, 0.0, 0.0]),
    "cap": ("-(x - 1)^2 - 2*(y + 0.5)^2 + 3", ["x", "y"], [0.0, 0.0]),
    "parabola": ("x^2", ["x"], [1.0]),
    "gentle": ("0.1*(x - 2)^2 + 0.2*(y + 1)^2 + 0.05*x*y", ["x", "y"], [0.0, 0.0]),  # |∇f|₁ < 1 at the start
}

# (function, optimizer, iterations, maximize)
OPTIMIZER_CASES = [
    ("valley", "SGD(lr=0.05)", 40, False),
    ("valley", "SGD(lr=0.02, momentum=0.9)", 40, False),
    ("valley", "SGD(lr=0.02, momentum=0.9, dampening=0.5)", 40, False),
    ("rosenbrock", "SGD(lr=0.0005, momentum=0.9, nesterov=True)", 40, False),
    ("bowl3", "SGD(lr=0.05, momentum=0.5, weight_decay=0.1)", 40, False),
    ("cap", "SGD(lr=0.1, momentum=0.8, nesterov=True, weight_decay=0.01)", 30, True),
    ("rosenbrock", "Adam(lr=0.05)", 50, False),
    ("valley", "Adam(lr=0.1, betas=(0.8, 0.99), eps=1e-6)", 40, False),
    ("bowl3", "Adam(lr=0.1, amsgrad=True, weight_decay=0.05)", 40, False),
    ("cap", "Adam(lr=0.1, amsgrad=True)", 30, True),
    ("rosenbrock", "AdamW(lr=0.05)", 50, False),
    ("bowl3", "AdamW(lr=0.1, weight_decay=0.2, amsgrad=True)", 40, False),
    ("quartic", "AdamW(lr=0.1, betas=(0.5, 0.9), weight_decay=0.0)", 40, False),
    ("valley", "Adamax(lr=0.2)", 40, False),
    ("bowl3", "Adamax(lr=0.1, betas=(0.7, 0.95), weight_decay=0.1)", 40, False),
    ("cap", "Adamax(lr=0.1)", 30, True),
    ("valley", "NAdam(lr=0.1)", 40, False),
    ("bowl3", "NAdam(lr=0.1, momentum_decay=0.01, weight_decay=0.05)", 40, False),
    ("cap", "NAdam(lr=0.05)", 30, True),
    ("valley", "RAdam(lr=0.1)", 40, False),
    ("bowl3", "RAdam(lr=0.05, betas=(0.8, 0.9), weight_decay=0.1)", 40, False),
    ("cap", "RAdam(lr=0.1)", 30, True),
    ("valley", "Adagrad(lr=0.5)", 40, False),
    ("bowl3", "Adagrad(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.5, eps=1e-6)", 40, False),
    ("quartic", "Adagrad(lr=0.3, weight_decay=0.1)", 40, False),
    ("cap", "Adagrad(lr=0.3)", 30, True),
    ("valley", "Adadelta()", 40, False),
    ("bowl3", "Adadelta(lr=2.0, rho=0.5, eps=1e-4, weight_decay=0.1)", 40, False),
    ("cap", "Adadelta(lr=5.0)", 30, True),
    ("valley", "RMSprop(lr=0.01)", 40, False),
    ("valley", "RMSprop(lr=0.01, alpha=0.9, centered=True)", 40, False),
    ("bowl3", "RMSprop(lr=0.01, momentum=0.5, weight_decay=0.1)", 40, False),
    ("rosenbrock", "RMSprop(lr=0.001, alpha=0.95, centered=True, momentum=0.9, eps=1e-6)", 40, False),
    ("cap", "RMSprop(lr=0.02, momentum=0.3)", 30, True),
    ("valley", "Rprop(lr=0.05)", 40, False),
    ("bowl3", "Rprop(lr=0.1, etas=(0.3, 1.5), step_sizes=(1e-4, 0.5))", 40, False),
    ("cap", "Rprop()", 30, True),
    ("valley", "ASGD(lr=0.05)", 40, False),
    ("bowl3", "ASGD(lr=0.1, lambd=0.01, alpha=0.5, t0=5, weight_decay=0.05)", 40, False),
    ("cap", "ASGD(lr=0.1, lambd=0.1)", 30, True),
    ("rosenbrock", "LBFGS(lr=0.5, max_iter=5)", 10, False),
    ("rosenbrock", "LBFGS(line_search_fn='strong_wolfe')", 8, False),
    ("bowl3", "LBFGS(lr=1, max_iter=4, history_size=3)", 10, False),
    ("coupled3", "LBFGS(history_size=2, line_search_fn='strong_wolfe', max_iter=6)", 6, False),
    ("wave", "LBFGS(lr=0.2, max_iter=3, max_eval=2, tolerance_change=1e-5)", 10, False),
    ("quartic", "LBFGS(line_search_fn='strong_wolfe', tolerance_grad=1e-3)", 5, False),
    ("cap", "LBFGS(line_search_fn='strong_wolfe', max_iter=3)", 5, True),
    # The strong Wolfe search's other branches: long first steps that overshoot into the zoom phase,
    # a curvature that brackets, a few evaluations, a short history.
    ("wave", "LBFGS(line_search_fn='strong_wolfe')", 6, False),
    ("quartic", "LBFGS(lr=3, line_search_fn='strong_wolfe')", 6, False),
    ("quartic", "LBFGS(lr=0.05, line_search_fn='strong_wolfe', max_iter=4)", 6, False),
    ("rosenbrock", "LBFGS(lr=0.3, line_search_fn='strong_wolfe', history_size=3, max_iter=2)", 8, False),
    ("coupled3", "LBFGS(lr=8, line_search_fn='strong_wolfe', max_iter=5)", 5, False),
    ("valley", "LBFGS(line_search_fn='strong_wolfe', max_eval=4)", 6, False),
    ("bowl3", "LBFGS(lr=20, line_search_fn='strong_wolfe', max_iter=3, tolerance_change=1e-12)", 6, False),
    ("cap", "LBFGS(lr=4, line_search_fn='strong_wolfe', max_iter=3)", 6, True),
    # LBFGS's stopping tests inside one step(), each the first to stop it: max_iter well below max_eval,
    # max_eval, tolerance_grad after a fixed step, a step d·t within tolerance_change, a loss that does
    # not change (x² from 1 with t = 1 lands on −1, as high), and a first step 1/|∇f|₁ > 1 capped at lr.
    ("rosenbrock", "LBFGS(lr=0.1, max_iter=8)", 4, False),
    ("valley", "LBFGS(lr=0.3, max_iter=10, max_eval=4)", 4, False),
    ("quartic", "LBFGS(lr=0.5, tolerance_grad=0.01)", 4, False),
    ("rosenbrock", "LBFGS(lr=0.0001, tolerance_change=0.001)", 5, False),
    ("parabola", "LBFGS(lr=2, max_iter=4, tolerance_change=0.01)", 3, False),
    ("gentle", "LBFGS(lr=0.5, max_iter=3)", 4, False),
    ("gentle", "LBFGS(lr=0.5, line_search_fn='strong_wolfe', max_iter=3)", 3, False),
]

# (function, optimizer, scheduler, iterations)
SCHEDULER_CASES = [
    ("valley", "SGD(lr=0.05)", "StepLR(step_size=7, gamma=0.5)", 30),
    ("bowl3", "Adam(lr=0.2)", "MultiStepLR(milestones=[5, 12, 12, 20], gamma=0.5)", 30),
    ("valley", "SGD(lr=0.05, momentum=0.5)", "ExponentialLR(gamma=0.9)", 30),
    ("bowl3", "SGD(lr=0.05)", "CosineAnnealingLR(T_max=8, eta_min=0.001)", 40),
    ("wave", "Adam(lr=0.1)", "CosineAnnealingLR(T_max=5)", 30),
    ("valley", "SGD(lr=0.05)", "CosineAnnealingWarmRestarts(T_0=6, eta_min=0.005)", 30),
    ("bowl3", "Adam(lr=0.1)", "CosineAnnealingWarmRestarts(T_0=3, T_mult=2)", 40),
    ("valley", "SGD(lr=0.05)", "LinearLR(start_factor=0.25, end_factor=1.0, total_iters=10)", 30),
    ("coupled3", "Adam(lr=0.1)", "LinearLR(start_factor=1.0, end_factor=0.2, total_iters=15)", 30),
    ("valley", "SGD(lr=0.05)", "ConstantLR(factor=0.5, total_iters=6)", 30),
    ("bowl3", "SGD(lr=0.05)", "PolynomialLR(total_iters=20, power=2.0)", 30),
    ("quartic", "Adam(lr=0.1)", "PolynomialLR(total_iters=12)", 30),
    ("valley", "SGD(lr=0.05, momentum=0.9)", "OneCycleLR(max_lr=0.1, total_steps=30)", 30),
    ("bowl3", "Adam(lr=0.1)", "OneCycleLR(max_lr=0.2, total_steps=30, anneal_strategy='linear', pct_start=0.4)", 30),
    ("coupled3", "SGD(lr=0.05, momentum=0.5)", "OneCycleLR(max_lr=0.1, epochs=5, steps_per_epoch=6, three_phase=True, div_factor=10.0, final_div_factor=100.0)", 30),
    ("valley", "RMSprop(lr=0.01)", "OneCycleLR(max_lr=0.02, total_steps=30, cycle_momentum=False)", 30),
    ("valley", "SGD(lr=0.05, momentum=0.9)", "CyclicLR(base_lr=0.01, max_lr=0.08, step_size_up=5)", 30),
    ("bowl3", "SGD(lr=0.05, momentum=0.5)", "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4, step_size_down=6, mode='triangular2', base_momentum=0.6, max_momentum=0.95)", 40),
    ("valley", "RMSprop(lr=0.01)", "CyclicLR(base_lr=0.001, max_lr=0.02, step_size_up=3, mode='exp_range', gamma=0.95)", 30),
    ("bowl3", "Adam(lr=0.1)", "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=4, cycle_momentum=False)", 30),
    ("valley", "SGD(lr=0.08)", "ReduceLROnPlateau(patience=2, factor=0.5, threshold=0.1)", 40),
    ("wave", "Adam(lr=0.2)", "ReduceLROnPlateau(patience=1, factor=0.5, threshold=0.01, threshold_mode='abs', cooldown=2, min_lr=0.02)", 40),
    ("cap", "SGD(lr=0.2, maximize=True)", "ReduceLROnPlateau(mode='max', patience=0, factor=0.7, threshold=0.001)", 30),
    ("valley", "SGD(lr=0.05)", "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=20)], milestones=[5])", 30),
    ("bowl3", "Adam(lr=0.1)", "SequentialLR(schedulers=[ConstantLR(factor=0.2, total_iters=4), ExponentialLR(gamma=0.9), CosineAnnealingWarmRestarts(T_0=4)], milestones=[6, 14])", 30),
    ("valley", "SGD(lr=0.05, momentum=0.5)", "ChainedScheduler([ConstantLR(factor=0.5, total_iters=4), ExponentialLR(gamma=0.95)])", 30),
    ("coupled3", "Adam(lr=0.1)", "ChainedScheduler([LinearLR(start_factor=0.5, total_iters=6), StepLR(step_size=5, gamma=0.7), PolynomialLR(total_iters=25, power=0.5)])", 30),
]

OPTIMIZERS = ["SGD", "Adam", "AdamW", "Adamax", "NAdam", "RAdam", "Adagrad", "Adadelta", "RMSprop", "Rprop", "ASGD", "LBFGS"]
SCHEDULERS = ["StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "LinearLR",
              "ConstantLR", "PolynomialLR", "OneCycleLR", "CyclicLR", "ReduceLROnPlateau", "SequentialLR"]


def objective(text, variables):
    """f as torch operations: the formula's ^ is Python's **, its functions torch's."""
    names = {"sin": torch.sin, "cos": torch.cos, "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt}
    code = compile(text.replace("^", "**"), "<formula>", "eval")

    def f(x):
        scope = dict(names, **{v: x[i] for i, v in enumerate(variables)})
        return eval(code, {"__builtins__": {}}, scope)

    return f


def optimizer_of(spec, x):
    """The optimizer a spec names, over [x]. NAdam takes torch 1.13's foreach path: its single-tensor
    path multiplies mu into mu_product_next twice, which torch 2.0 fixed (the engine follows 2.0)."""
    scope = {name: functools.partial(getattr(torch.optim, name), [x]) for name in OPTIMIZERS}
    scope["NAdam"] = functools.partial(torch.optim.NAdam, [x], foreach=True)
    return eval(spec, {"__builtins__": {}}, scope)


def scheduler_of(spec, opt):
    scope = {name: functools.partial(getattr(torch.optim.lr_scheduler, name), opt) for name in SCHEDULERS}
    scope["ChainedScheduler"] = torch.optim.lr_scheduler.ChainedScheduler
    return eval(spec, {"__builtins__": {}}, scope)


def run(function, opt_spec, sched_spec, iterations, maximize):
    text, variables, start = FUNCTIONS[function]
    f = objective(text, variables)
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = optimizer_of(opt_spec, x)
    # maximize=True where torch takes it; else (NAdam, RAdam, LBFGS in 1.13) minimise -f, the same steps.
    negate = False
    if maximize:
        if "maximize" in inspect.signature(type(opt).__init__).parameters:
            opt.param_groups[0]["maximize"] = True
        else:
            negate = True
    sched = scheduler_of(sched_spec, opt) if sched_spec else None
    points, rates = [x.tolist()], []
    for _ in range(iterations):
        rates.append(opt.param_groups[0]["lr"])
        value = f(x).item()

        def closure():
            opt.zero_grad()
            loss = -f(x) if negate else f(x)
            loss.backward()
            return loss

        if isinstance(opt, torch.optim.LBFGS):
            opt.step(closure)
        else:
            closure()
            opt.step()
        if isinstance(sched, torch.optim.lr_scheduler.ReduceLROnPlateau):
            sched.step(value)
        elif sched is not None:
            sched.step()
        points.append(x.tolist())
    return {"formula": text, "variables": variables, "start": start, "optimizer": opt_spec,
            "scheduler": sched_spec, "maximize": maximize, "iterations": iterations,
            "points": points, "learningRates": rates}


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference")
    meta = {"torch": torch.__version__, "generator": "scripts/reference/torch_reference.py"}
    optimizers = [run(fn, opt, None, n, mx) for fn, opt, n, mx in OPTIMIZER_CASES]
    schedulers = [run(fn, opt, sch, n, "maximize=True" in opt) for fn, opt, sch, n in SCHEDULER_CASES]
    for name, cases in (("optimizers", optimizers), ("schedulers", schedulers)):
        with open(os.path.join(out, f"{name}.json"), "w") as handle:
            json.dump({**meta, "cases": cases}, handle, separators=(",", ":"))
            handle.write("\n")
        print(f"{name}: {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
