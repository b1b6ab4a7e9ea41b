"""torch.optim.lbfgs's strong Wolfe line search and cubic interpolation, called directly.

Run with a Python that has torch (Debian's python3-torch 1.13 made the committed file):
    /usr/bin/python3 scripts/reference/strong_wolfe_reference.py
It writes test/reference/strong_wolfe.json: for each case a function (named; test/unit/strongWolfe.test.ts
writes the same f and gradient in TypeScript), a point x, a direction d, the first step t and the
tolerance, and what _strong_wolfe returned: the accepted step, f and g there, and the evaluations.
Also _cubic_interpolate on chosen points, with and without bounds.
"""

import json
import os

import torch
from torch.optim.lbfgs import _cubic_interpolate, _strong_wolfe

torch.set_default_dtype(torch.float64)


def value_and_gradient(name, x, p=()):
    """f and ∇f written out by hand, as the TypeScript test writes them; p are the case's parameters."""
    if name == "ripple":  # a·x² + b·x + c·sin(w·x): a bowl or a slope with ripples, tuned per case
        a, b, c, w = p
        return a * x[0] ** 2 + b * x[0] + c * torch.sin(w * x[0]), torch.stack([2 * a * x[0] + b + c * w * torch.cos(w * x[0])])
    if name == "bowl":  # (x - 3)²
        return (x[0] - 3) ** 2, torch.stack([2 * (x[0] - 3)])
    if name == "quartic":  # x⁴ − 3x² + x
        return x[0] ** 4 - 3 * x[0] ** 2 + x[0], torch.stack([4 * x[0] ** 3 - 6 * x[0] + 1])
    if name == "wave":  # (x − 2)² + 0.5·sin(3x)
        return (x[0] - 2) ** 2 + 0.5 * torch.sin(3 * x[0]), torch.stack([2 * (x[0] - 2) + 1.5 * torch.cos(3 * x[0])])
    if name == "rosenbrock":  # (1 − x)² + 100(y − x²)²
        a, b = x[0], x[1]
        f = (1 - a) ** 2 + 100 * (b - a * a) ** 2
        return f, torch.stack([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)])
    if name == "valley":  # x² + 10y² + xy
        a, b = x[0], x[1]
        return a * a + 10 * b * b + a * b, torch.stack([2 * a + b, 20 * b + a])
    if name == "cliff":  # exp(x) + exp(−2x)
        return torch.exp(x[0]) + torch.exp(-2 * x[0]), torch.stack([torch.exp(x[0]) - 2 * torch.exp(-2 * x[0])])
    if name == "line":  # −x: always going down, so the search runs out of evaluations
        return -x[0], torch.stack([-torch.ones_like(x[0])])
    if name == "sharp":  # √(10⁻⁴ + (x − 1)²): a smoothed |x − 1|, whose narrow bottom the zoom must find
        r = torch.sqrt(1e-4 + (x[0] - 1) ** 2)
        return r, torch.stack([(x[0] - 1) / r])
    if name == "bump":  # −x + 2·exp(−(x − 2)²): still going down where f has risen above the Armijo line
        e = 2 * torch.exp(-(x[0] - 2) ** 2)
        return -x[0] + e, torch.stack([-1 - 2 * (x[0] - 2) * e])
    if name == "wall":  # −x + 95·exp(−(x − 100)²/50): f rises between two extrapolated steps
        e = 95 * torch.exp(-((x[0] - 100) ** 2) / 50)
        return -x[0] + e, torch.stack([-1 - (x[0] - 100) / 25 * e])
    if name == "vee":  # |x − 1|: no point but the kink meets the curvature condition, so the zoom runs out
        return torch.abs(x[0] - 1), torch.stack([torch.sign(x[0] - 1)])
    raise ValueError(name)


# (function, x, d or None for −∇f, first step t, tolerance_change)
CASES = [
    ("bowl", [0.0], None, 1.0, 1e-9),
    ("bowl", [0.0], None, 0.5, 1e-9),
    ("bowl", [0.0], None, 0.01, 1e-9),
    ("bowl", [0.0], None, 100.0, 1e-9),
    ("bowl", [0.0], [1.0], 1.0, 1e-9),
    ("quartic", [2.0], None, 1.0, 1e-9),
    ("quartic", [2.0], None, 0.05, 1e-9),
    ("quartic", [-0.3], None, 3.0, 1e-9),
    ("quartic", [0.5], None, 10.0, 1e-9),
    ("quartic", [2.0], None, 1.0, 1e-2),
    ("wave", [0.5], None, 1.0, 1e-9),
    ("wave", [0.5], None, 20.0, 1e-9),
    ("wave", [3.0], None, 0.001, 1e-9),
    ("wave", [3.0], None, 7.0, 0.5),
    ("rosenbrock", [-1.2, 1.0], None, 1.0, 1e-9),
    ("rosenbrock", [-1.2, 1.0], None, 1e-3, 1e-9),
    ("rosenbrock", [0.5, 0.5], None, 0.1, 1e-9),
    ("rosenbrock", [0.0, 0.0], [1.0, 0.0], 1.0, 1e-9),
    ("valley", [3.0, -2.0], None, 1.0, 1e-9),
    ("valley", [3.0, -2.0], None, 0.001, 1e-9),
    ("valley", [3.0, -2.0], [-1.0, 0.0], 50.0, 1e-9),
    ("cliff", [1.0], None, 1.0, 1e-9),
    ("cliff", [-1.0], None, 1.0, 1e-9),
    ("cliff", [-1.0], None, 5.0, 1e-9),
    ("cliff", [2.0], None, 1e-4, 1e-9),
    ("line", [0.0], [1.0], 1.0, 1e-9),
    ("line", [0.0], [2.0], 1e-3, 1e-9),
    ("sharp", [0.0], [1.0], 1.0, 1e-9),
    ("sharp", [0.0], [1.0], 3.0, 1e-9),
    ("sharp", [0.0], [1.0], 0.3, 1e-9),
    ("sharp", [-2.0], [1.0], 10.0, 1e-9),
    ("sharp", [0.0], [1.0], 1.7, 1e-3),
    ("wave", [0.5], None, 3.3, 1e-9),
    ("wave", [-1.0], None, 0.7, 1e-9),
    ("quartic", [1.5], None, 0.9, 1e-9),
    ("quartic", [-2.0], None, 2.5, 1e-9),
    ("rosenbrock", [1.5, 1.5], None, 0.01, 1e-9),
    ("rosenbrock", [-0.5, 2.0], [1.0, -1.0], 0.5, 1e-9),
    ("bump", [0.0], [1.0], 1.8, 1e-9),
    ("bump", [0.0], [1.0], 1.5, 1e-9),
    ("wall", [0.0], [1.0], 1.0, 1e-9),
    ("wall", [0.0], [1.0], 1.0, 1e-2),
    ("wall", [0.0], [1.0], 2.0, 1e-9),
    # f back at f(x) (1.9602 solves −t + 2·exp(−(t − 2)²) = f(0)) while still going down: above the
    # Armijo line, so it brackets, though f has not risen above f(x).
    ("bump", [0.0], [1.0], 1.9602, 1e-9),
    # A kink: the zoom closes in on it until the bracket is narrower than the tolerance, or until it
    # has spent the 25 evaluations.
    ("vee", [0.0], [1.0], 0.3, 1e-9),
    ("vee", [0.0], [1.0], 3.0, 1e-12),
    # Ripples (a, b, c, w) that steer the zoom into its rarer branches: a trial above the Armijo line
    # though below the bracket's lower end; a cubic step clamped to an end of the bracket; steps too
    # close to the upper end, moved away from it.
    ("ripple", [-1.5], [1.0], 30.0, 1e-2, (1.82, 2.86, 1.15, 5.89)),
    ("ripple", [-1.0], None, 0.5, 1e-9, (0.74, -0.26, 1.89, 9.59)),
    ("ripple", [-0.3], None, 10.0, 1e-2, (1.83, -0.82, 1.11, 6.1)),
    ("ripple", [2.7], None, 0.3, 1e-9, (0.38, -0.42, 1.2, 9.93)),
    ("ripple", [-2.5], [-1.0], 1.0, 1e-4, (0.0, 0.45, 1.7, 4.39)),
    # ... a second trial no lower than the first, yet not bracketing (torch's ls_iter > 1); a bracket
    # whose second end is the lower; steps near an end that are kept, then moved after a good one.
    ("ripple", [-1.5], None, 0.3, 1e-4, (0.28, -2.13, 1.64, 7.16)),
    ("ripple", [-2.6], None, 0.5, 1e-9, (1.47, -2.9, 1.77, 5.16)),
    ("ripple", [-0.7], None, 2.0, 1e-1, (0.57, -1.69, 1.43, 1.84)),
    ("ripple", [-2.7], None, 0.3, 1e-9, (1.17, 2.37, 1.53, 2.08)),
    ("ripple", [1.0], [-1.0], 5.0, 1e-2, (1.05, 0.2, 1.66, 7.88)),
    ("ripple", [2.5], [-1.0], 10.0, 1e-9, (1.73, 0.35, 1.54, 6.52)),
    # A bracket already narrower than the tolerance, its second end the lower: that end is the step.
    ("ripple", [-0.4], None, 0.5, 0.5, (1.28, 1.21, 0.35, 2.05)),
    ("ripple", [2.0], [-1.0], 1.0, 1.0, (0.0, 1.17, 1.58, 4.01)),
]

CUBIC = [
    (0.0, 1.0, -2.0, 1.0, 0.5, 1.0, None),
    (1.0, 0.5, 1.0, 0.0, 1.0, -2.0, None),
    (0.0, 1.0, -1.0, 2.0, 3.0, 5.0, None),
    (0.0, 0.0, 1.0, 1.0, 0.0, 1.0, None),
    (0.0, 0.0, 1.5, 1.0, 1.0, 1.5, None),  # d1² < g1·g2: no real minimiser, the middle
    (0.0, 0.0, 1.5, 1.0, 1.0, 1.5, (0.2, 0.6)),
    (0.0, 1.0, -2.0, 1.0, 0.5, 1.0, (0.2, 0.4)),
    (0.0, 1.0, -2.0, 1.0, 0.5, 1.0, (0.7, 3.0)),
    (2.0, 4.0, 3.0, -1.0, 1.0, -1.0, None),
    (0.5, -1.0, 0.25, 0.25, -1.2, -0.5, (0.0, 1.0)),
    (1.0, 1.0, 1.5, 0.0, 0.0, 1.5, None),  # the same cubic as the fifth, its points given right to left
]


def search_case(name, x0, d0, t, tolerance, p=()):
    """torch's _strong_wolfe on one case, recorded as the test reads it."""
    x = torch.tensor(x0)
    f, g = value_and_gradient(name, x, p)
    d = -g if d0 is None else torch.tensor(d0)
    gtd = g.dot(d)

    def obj_func(x, step, d):
        fn, gn = value_and_gradient(name, x + step * d, p)
        return float(fn), gn

    f_new, g_new, t_new, evals = _strong_wolfe(obj_func, x, t, d, float(f), g, gtd, tolerance_change=tolerance)
    case = {"function": name, "x": x0, "d": d.tolist(), "t": t, "toleranceChange": tolerance,
            "f": float(f), "g": g.tolist(), "gtd": float(gtd),
            "result": {"t": float(t_new), "f": float(f_new), "g": g_new.tolist(), "evaluations": evals}}
    return {**case, "parameters": list(p)} if p else case


def main():
    cases = [search_case(*c) for c in CASES]
    cubic = [{"args": [x1, f1, g1, x2, f2, g2], "bounds": list(b) if b else None,
              "result": float(_cubic_interpolate(x1, f1, torch.tensor(g1), x2, f2, torch.tensor(g2), bounds=b))}
             for x1, f1, g1, x2, f2, g2, b in CUBIC]
    out = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "strong_wolfe.json")
    with open(out, "w") as handle:
        json.dump({"torch": torch.__version__, "generator": "scripts/reference/strong_wolfe_reference.py",
                   "cases": cases, "cubic": cubic}, handle, separators=(",", ":"))
        handle.write("\n")


if __name__ == "__main__":
    main()
