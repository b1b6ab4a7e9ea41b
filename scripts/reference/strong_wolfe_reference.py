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


def value_and_gradient(name, x):
    """f and ∇f written out by hand, as the TypeScript test writes them."""
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
]


def main():
    cases = []
    for name, x0, d0, t, tolerance in CASES:
        x = torch.tensor(x0)
        f, g = value_and_gradient(name, x)
        d = -g if d0 is None else torch.tensor(d0)
        gtd = g.dot(d)

        def obj_func(x, step, d):
            fn, gn = value_and_gradient(name, x + step * d)
            return float(fn), gn

        f_new, g_new, t_new, evals = _strong_wolfe(obj_func, x, t, d, float(f), g, gtd, tolerance_change=tolerance)
        cases.append({"function": name, "x": x0, "d": d.tolist(), "t": t, "toleranceChange": tolerance,
                      "f": float(f), "g": g.tolist(), "gtd": float(gtd),
                      "result": {"t": float(t_new), "f": float(f_new), "g": g_new.tolist(), "evaluations": evals}})
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
