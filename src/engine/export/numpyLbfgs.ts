// torch's LBFGS in NumPy, as the engine runs it: the two-loop recursion, and the strong Wolfe line
// search with Python's own min and max (which the engine mirrors), and torch's constants.
import { CURVATURE_MIN } from '../optimizers/lbfgs';
import { C1, C2, MAX_LS } from '../optimizers/strongWolfe';
import { pythonNumber } from './python';

/** cubic_interpolate, strong_wolfe and the LBFGS class. */
export const LBFGS = `def cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds=None):
    lo, hi = bounds if bounds is not None else ((x1, x2) if x1 <= x2 else (x2, x1))
    d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
    d2_square = d1 * d1 - g1 * g2
    if d2_square >= 0:
        d2 = math.sqrt(d2_square)
        if x1 <= x2:
            min_pos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        else:
            min_pos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return min(max(min_pos, lo), hi)
    return (lo + hi) / 2.0


def strong_wolfe(x, t, d, f, g, gtd):
    """torch's _strong_wolfe: bracket a step satisfying the strong Wolfe conditions, then zoom."""
    def trial(step):
        value, gradient = objective(x + step * d), objective_gradient(x + step * d)
        return [step, value, gradient, float(np.dot(gradient, d))]

    d_norm = np.max(np.abs(d))
    current, evaluations, previous = trial(t), 1, [0, f, g.copy(), gtd]
    bracket, done, ls_iter = None, False, 0
    while ls_iter < ${MAX_LS}:
        if current[1] > f + ${pythonNumber(C1)} * current[0] * gtd or (ls_iter > 1 and current[1] >= previous[1]):
            bracket = [previous, current]
            break
        if abs(current[3]) <= -${pythonNumber(C2)} * gtd:
            bracket, done = [current], True
            break
        if current[3] >= 0:
            bracket = [previous, current]
            break
        bounds = (current[0] + 0.01 * (current[0] - previous[0]), current[0] * 10)
        step = cubic_interpolate(previous[0], previous[1], previous[3], current[0], current[1], current[3], bounds)
        previous, current = current, trial(step)
        evaluations += 1
        ls_iter += 1
    if ls_iter == ${MAX_LS}:
        bracket = [[0, f, g.copy(), float("nan")], current]
    low, high = (0, 1) if bracket[0][1] <= bracket[-1][1] else (1, 0)
    insufficient = False
    while not done and ls_iter < ${MAX_LS}:
        a, b = bracket
        if abs(b[0] - a[0]) * d_norm < tolerance_change:
            break
        t = cubic_interpolate(a[0], a[1], a[3], b[0], b[1], b[3])
        top, bottom = max(a[0], b[0]), min(a[0], b[0])
        eps = 0.1 * (top - bottom)
        if min(top - t, t - bottom) < eps:
            if insufficient or t >= top or t <= bottom:
                t = top - eps if abs(t - top) < abs(t - bottom) else bottom + eps
                insufficient = False
            else:
                insufficient = True
        else:
            insufficient = False
        current = trial(t)
        evaluations += 1
        ls_iter += 1
        if current[1] > f + ${pythonNumber(C1)} * current[0] * gtd or current[1] >= bracket[low][1]:
            bracket[high] = current
            low, high = (0, 1) if bracket[0][1] <= bracket[1][1] else (1, 0)
        else:
            if abs(current[3]) <= -${pythonNumber(C2)} * gtd:
                done = True
            elif current[3] * (bracket[high][0] - bracket[low][0]) >= 0:
                bracket[high] = bracket[low]
            bracket[low] = current
    best = bracket[low]
    return best[1], best[2], best[0], evaluations


class LBFGS:
    """torch's LBFGS: one step runs up to max_iter quasi-Newton iterations (two-loop recursion)."""

    def __init__(self):
        self.dirs, self.stps, self.ro, self.h_diag = [], [], [], 1.0
        self.d, self.t, self.prev_grad, self.iterations = None, 0.0, None, 0

    def direction(self, g):
        y, s = g - self.prev_grad, self.d * self.t
        ys = float(np.dot(y, s))
        if ys > ${pythonNumber(CURVATURE_MIN)}:
            if len(self.dirs) == history_size:
                self.dirs.pop(0), self.stps.pop(0), self.ro.pop(0)
            self.dirs.append(y), self.stps.append(s), self.ro.append(1.0 / ys)
            self.h_diag = ys / float(np.dot(y, y))
        al, q = [0.0] * len(self.dirs), -g
        for i in reversed(range(len(self.dirs))):
            al[i] = float(np.dot(self.stps[i], q)) * self.ro[i]
            q = q + -al[i] * self.dirs[i]
        r = q * self.h_diag
        for i in range(len(self.dirs)):
            be = float(np.dot(self.dirs[i], r)) * self.ro[i]
            r = r + (al[i] - be) * self.stps[i]
        return r

    def step(self, x, g, loss):
        lr = group["lr"]
        if np.max(np.abs(g)) <= tolerance_grad:
            return x
        evaluations = 1
        for inner in range(1, max_iter + 1):
            self.iterations += 1
            self.d = -g if self.iterations == 1 else self.direction(g)
            self.prev_grad, previous_loss = g.copy(), loss
            self.t = min(1.0, 1.0 / np.sum(np.abs(g))) * lr if self.iterations == 1 else lr
            gtd = float(np.dot(g, self.d))
            if gtd > -tolerance_change:
                break
            converged = False
            if line_search_fn == "strong_wolfe":
                loss, g, self.t, spent = strong_wolfe(x, self.t, self.d, loss, g, gtd)
                x = x + self.t * self.d
                converged, evaluations = np.max(np.abs(g)) <= tolerance_grad, evaluations + spent
            else:
                x = x + self.t * self.d
                if inner != max_iter:
                    loss, g = objective(x), objective_gradient(x)
                    converged, evaluations = np.max(np.abs(g)) <= tolerance_grad, evaluations + 1
            if inner == max_iter or evaluations >= max_eval or converged:
                break
            if np.max(np.abs(self.d * self.t)) <= tolerance_change or abs(loss - previous_loss) < tolerance_change:
                break
        return x`;
