"""Reference trajectories of mini-batch descent on losses over data, computed independently of the engine.

Run:  /usr/bin/python3 scripts/reference/minibatch_reference.py   (Debian's python3 has python3-torch)
It writes test/reference/minibatch.json. Each case is a loss over a small data set, a batch size in file
order (rows 1-B, B+1-2B, ..., the last batch of an epoch what is left, then row 1 again: torch's
DataLoader(shuffle=False, drop_last=False)), an optimizer and a number of steps. One step is
    loss = J(theta; batch rows, m = len(batch)); gradient; optimizer step
With torch importable (Debian's python3-torch 1.13) the batches come from torch.utils.data.DataLoader
itself, the gradients from autograd and the steps from torch.optim; without it, from NumPy with the gradients written out by hand and torch.optim's update
rules for SGD (momentum) and Adam written out from its documentation. "made_with" records which.
"""

import json
import math
import os

import numpy as np

try:
    import torch

    torch.set_default_dtype(torch.float64)
except ImportError:  # the NumPy path below
    torch = None

X = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
Y_LINE = [2.1, 2.9, 4.2, 4.8, 6.1, 7.2, 7.9, 9.1, 9.8, 11.2]
Y_SIGN = [-1, -1, -1, 1, -1, 1, 1, 1, 1, 1]

CASES = [
    {
        "name": "mse-sgd-b4",
        "loss": "mse",
        "formula": "J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2",
        "y": Y_LINE,
        "batch": 4,
        "optimizer": "SGD(lr=0.05)",
        "start": [0.0, 0.0],
        "steps": 11,
    },
    {
        "name": "mse-momentum-b3",
        "loss": "mse",
        "formula": "J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2",
        "y": Y_LINE,
        "batch": 3,
        "optimizer": "SGD(lr=0.02, momentum=0.9)",
        "start": [1.0, -1.0],
        "steps": 10,
    },
    {
        "name": "logistic-adam-b4",
        "loss": "logistic",
        "formula": "J(w, b) = \\frac{1}{m}\\sum_{i=1}^{m} \\log(1 + e^{-y_i (w x_i + b)})",
        "y": Y_SIGN,
        "batch": 4,
        "optimizer": "Adam(lr=0.1)",
        "start": [0.0, 0.0],
        "steps": 9,
    },
]


def file_order_batches(rows, batch, steps):
    out, start = [], 0
    for _ in range(steps):
        end = min(start + batch, rows)
        out.append(list(range(start, end)))
        start = 0 if end == rows else end
    return out


def numpy_gradient(loss, w, b, x, y):
    m = len(x)
    if loss == "mse":
        r = w * x + b - y
        return np.sum(r * x) / m, np.sum(r) / m
    z = -y * (w * x + b)
    s = 1.0 / (1.0 + np.exp(-z))  # d/dz log(1 + e^z)
    return np.sum(s * -y * x) / m, np.sum(s * -y) / m


def numpy_run(case):
    x_all, y_all = np.array(X), np.array(case["y"], dtype=float)
    theta = np.array(case["start"], dtype=float)
    points = [theta.tolist()]
    opt = case["optimizer"]
    lr = float(opt.split("lr=")[1].split(",")[0].rstrip(")"))
    momentum = float(opt.split("momentum=")[1].rstrip(")")) if "momentum=" in opt else 0.0
    buf, m1, v2 = None, np.zeros(2), np.zeros(2)
    for t, rows in enumerate(file_order_batches(len(X), case["batch"], case["steps"]), start=1):
        g = np.array(numpy_gradient(case["loss"], theta[0], theta[1], x_all[rows], y_all[rows]))
        if opt.startswith("SGD"):
            if momentum != 0.0:
                buf = g.copy() if buf is None else momentum * buf + g
                g = buf
            theta = theta - lr * g
        else:  # Adam, torch's defaults betas=(0.9, 0.999), eps=1e-8
            m1 = 0.9 * m1 + (1 - 0.9) * g
            v2 = 0.999 * v2 + (1 - 0.999) * g * g
            step_size = lr / (1 - 0.9**t)
            denom = np.sqrt(v2) / math.sqrt(1 - 0.999**t) + 1e-8
            theta = theta - step_size * m1 / denom
        points.append(theta.tolist())
    return points


def torch_run(case):
    x_all = torch.tensor(X)
    y_all = torch.tensor(case["y"], dtype=torch.float64)
    w = torch.tensor(case["start"][0], requires_grad=True)
    b = torch.tensor(case["start"][1], requires_grad=True)
    opt = eval("torch.optim." + case["optimizer"].replace("(", "([w, b], ", 1))
    points = [[w.item(), b.item()]]
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x_all, y_all), batch_size=case["batch"], shuffle=False
    )

    def batches():
        while True:  # epoch after epoch, as a training loop does
            yield from loader

    for _, (x, y) in zip(range(case["steps"]), batches()):
        m = len(x)
        opt.zero_grad()
        if case["loss"] == "mse":
            loss = torch.sum((w * x + b - y) ** 2) / (2 * m)
        else:
            loss = torch.sum(torch.log(1 + torch.exp(-y * (w * x + b)))) / m
        loss.backward()
        opt.step()
        points.append([w.item(), b.item()])
    return points


def main():
    cases = []
    for case in CASES:
        points = torch_run(case) if torch is not None else numpy_run(case)
        cases.append({**case, "x": X, "points": points})
    made_with = f"torch {torch.__version__}" if torch is not None else f"numpy {np.__version__}"
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "reference", "minibatch.json")
    with open(path, "w") as f:
        json.dump({"made_with": made_with, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
