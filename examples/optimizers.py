"""Objective functions written as code; select an expression and run gradient descent on it."""
import math

import numpy as np


def rosenbrock(x, y):
    return (1 - x)**2 + 100 * (y - x**2)**2


def bowl(x, y):
    return x**2 + 3 * y**2


def wave(x, y):
    return x**2 + np.sin(y)


def bump(x):
    return math.exp(-x**2)


def quadratic_loss(w, b):
    return (w - 3)**2 + b**2


def gradient_descent(grad, start, lr=0.1, steps=100):
    point = np.array(start, dtype=float)
    for _ in range(steps):
        point -= lr * grad(point)
    return point
