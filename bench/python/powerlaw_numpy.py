#!/usr/bin/python3
"""NumPy/SciPy peer of deeprg's power-law analysis (org.deeprg.fit), the same algorithm vectorised.

What it does, as deeprg does (docs/powerlaw.md):
  * exact x_min scan over every distinct value with >= 10 points at or above it: continuous MLE alpha per candidate
    from suffix sums, two-sided KS distance; branch and bound with witnesses (a grid of 12 candidates evaluated in
    full, then best-first rounds: the candidate with the smallest lower bound is evaluated in full and its peak updates
    every bound, until the smallest bound is no better than the best distance) - exact, like a brute-force scan;
  * alternatives fitted by maximum likelihood on the tail (continuous, unbounded): exponential (closed form),
    stretched exponential (profile over beta), lognormal and positive lognormal (natural parameters, nested profile),
    truncated power law (profile over lambda, normaliser by adaptive Gauss-Legendre panels), each with Vuong's test
    against the power law (Wilks' chi^2_1 for the nested truncated power law);
  * the goodness-of-fit bootstrap (semi-parametric resamples refitted with the same scan).

Usage (/usr/bin/python3, Debian's python3-numpy and python3-scipy):
  python3 bench/python/powerlaw_numpy.py --n 1000000 --what analysis
  python3 bench/python/powerlaw_numpy.py --n 100000 --what bootstrap --resamples 50
  python3 bench/python/powerlaw_numpy.py --n 1000000 --save /tmp/mix.txt   # the same sample for ./deeprg
Prints the wall time of each phase and the fitted numbers (x_min and D equal deeprg's on the same file).
"""
import argparse
import math
import time

import numpy as np
from scipy import optimize, special

MIN_TAIL = 10
GRID = 12
ROUNDS = 64
GL_NODES, GL_WEIGHTS = np.polynomial.legendre.leggauss(8)


def sample(kind, n, seed):
    rng = np.random.default_rng(seed)
    if kind == "mix":
        u = rng.random(n)
        tail = rng.random(n) < 0.6
        return np.where(tail, (1 - u) ** (-1 / 1.5), rng.random(n))
    if kind == "pareto":
        return (1 - rng.random(n)) ** (-1 / 1.5)
    if kind == "lognormal":
        return np.exp(1 + 0.8 * rng.standard_normal(n))
    raise ValueError(kind)


class Scan:
    """The exact continuous scan on sorted data x (unbounded fits)."""

    def __init__(self, x):
        self.x = x
        n = len(x)
        self.n = n
        self.logx = np.log(x)
        suffix = np.concatenate([np.cumsum(self.logx[::-1])[::-1], [0.0]])
        first = np.flatnonzero(np.concatenate([[True], x[1:] != x[:-1]]))
        keep = (n - first >= MIN_TAIL) & (x[first] < x[-1])
        s = first[keep]
        m = n - s
        total = suffix[s] - m * self.logx[s]
        ok = total > 0
        self.start = s[ok]
        self.m = m[ok].astype(float)
        self.theta = self.m / total[ok]
        self.l0 = self.logx[self.start]

    def deviation(self, idx, j):
        """e(c, j) for candidates idx (array) at point j (j >= start required; others get -1)."""
        s = self.start[idx]
        t = self.logx[j] - self.l0[idx]
        f = 1 - np.exp(-self.theta[idx] * t)
        lower = (j - s) / self.m[idx]
        upper = (j - s + 1) / self.m[idx]
        e = np.maximum(f - lower, upper - f)
        return np.where(j >= s, e, -1.0)

    def full(self, c):
        s = self.start[c]
        j = np.arange(s, self.n)
        t = self.logx[s:] - self.l0[c]
        f = 1 - np.exp(-self.theta[c] * t)
        lower = (j - s) / self.m[c]
        upper = (j - s + 1) / self.m[c]
        e = np.maximum(f - lower, upper - f)
        k = int(np.argmax(e))
        return float(e[k]), s + k

    def minimise(self):
        count = len(self.start)
        tail = self.n - self.start
        targets = tail[0] * (tail[-1] / tail[0]) ** (np.arange(GRID) / (GRID - 1))
        grid = sorted(set(int(np.searchsorted(-tail, -t, side="left")) for t in targets))
        grid = [min(g, count - 1) for g in grid]
        best = (math.inf, -1)
        bound = np.full(count, -1.0)
        evaluated = np.zeros(count, dtype=bool)
        witnesses = []
        for c in grid:
            d, w = self.full(c)
            best = min(best, (d, c))
            evaluated[c] = True
            witnesses.append(w)
        for w in witnesses:
            bound = np.maximum(bound, self.deviation(np.arange(count), w))
        for _ in range(ROUNDS):
            masked = np.where(evaluated, np.inf, bound)
            c = int(np.argmin(masked))
            if masked[c] > best[0] or (masked[c] == best[0] and c > best[1]):
                return best
            d, w = self.full(c)
            evaluated[c] = True
            best = min(best, (d, c))
            bound = np.maximum(bound, self.deviation(np.arange(count), w))
        # fallback: every candidate whose bound does not exclude it, in full
        for c in np.flatnonzero(~evaluated & (bound <= best[0])):
            d, _ = self.full(int(c))
            best = min(best, (d, int(c)))
        return best


def fit(x_sorted):
    scan = Scan(x_sorted)
    d, c = scan.minimise()
    return {"xmin": float(x_sorted[scan.start[c]]), "alpha": float(1 + scan.theta[c]), "ks": d,
            "ntail": int(scan.n - scan.start[c]), "start": int(scan.start[c])}


def maximise(f, x0, step, lo=-np.inf, hi=np.inf):
    """Bracket by expansion, then Brent (scipy) on [a, b]."""
    x0 = min(max(x0, lo), hi)
    fx = f(x0)
    r = min(x0 + step, hi)
    if f(r) > fx:
        a, mid, h = x0, r, step
        while True:
            h *= 2
            nxt = min(mid + h, hi)
            if nxt == mid or f(nxt) < f(mid):
                b = nxt
                break
            a, mid = mid, nxt
    else:
        left = max(x0 - step, lo)
        if f(left) > fx:
            b, mid, h = x0, left, step
            while True:
                h *= 2
                nxt = max(mid - h, lo)
                if nxt == mid or f(nxt) < f(mid):
                    a = nxt
                    break
                b, mid = mid, nxt
        else:
            a, b = left, r
    res = optimize.minimize_scalar(lambda t: -f(t), bounds=(a, b), method="bounded",
                                   options={"xatol": 1e-12 * max(1.0, abs(a), abs(b))})
    best = res.x
    for end in (a, b):
        if f(end) > f(best):
            best = end
    return best


def log_cutoff_integral(alpha, c):
    """ln int_0^inf exp((1-alpha) t - c (e^t - 1)) dt (c > 0), panels as in deeprg's CutoffIntegral."""
    beta = 1 - alpha
    if c == 0:
        return -math.log(alpha - 1) if alpha > 1 else math.inf
    tstar = math.log(beta / c) if beta > c else 0.0
    hmax = beta * tstar - c * math.expm1(tstar)
    left = 0.0
    if tstar > 0 and hmax - 50 > 0:
        lo, hi = 0.0, tstar
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            if beta * mid - c * math.expm1(mid) < hmax - 50:
                lo = mid
            else:
                hi = mid
        left = lo
    total, t = 0.0, left
    for _ in range(1_000_000):
        width = 0.5 / max(1.0, abs(beta - c * math.exp(t)), math.sqrt(c * math.exp(t)))
        nodes = t + 0.5 * width * (GL_NODES + 1)
        total += 0.5 * width * float(np.dot(GL_WEIGHTS, np.exp(beta * nodes - c * np.expm1(nodes) - hmax)))
        t += width
        if t > tstar and beta * t - c * math.expm1(t) < hmax - 50:
            break
    return hmax + math.log(total)


def vuong(a, b, nested):
    d = a - b
    r = float(d.sum())
    n = len(d)
    sd = float(d.std())
    if abs(r) < 1e-6 or sd < 1e-9:
        return r, 0.0, 1.0
    z = r / (sd * math.sqrt(n))
    p = float(special.erfc(math.sqrt(abs(r)))) if nested else float(special.erfc(abs(z) / math.sqrt(2)))
    return r, z, p


def alternatives(tail, xmin, alpha):
    m = len(tail)
    u = np.log(tail / xmin)
    U, U2, S = u.sum(), (u * u).sum(), (tail - xmin).sum()
    logs = np.log(tail)
    out = {}
    pl = math.log((alpha - 1) / xmin) - alpha * u
    # exponential
    lam = m / S
    out["exponential"] = ({"lambda": lam}, math.log(lam) - lam * (tail - xmin), False)

    # stretched exponential, nu = beta (lambda xmin)^beta, g = expm1(beta u)/beta
    def gsum(beta):
        return U if beta == 0 else float(np.expm1(beta * u).sum()) / beta

    def profile(beta):
        g = gsum(beta)
        return m * math.log(m / g) + (beta - 1) * U - m * math.log(xmin) - m if g > 0 and math.isfinite(g) else -np.inf

    beta = maximise(profile, 1.0, 0.25, 0.0)
    nu = m / gsum(beta)
    g = u if beta == 0 else np.expm1(beta * u) / beta
    log_lam = (math.log(nu) - math.log(beta)) / beta - math.log(xmin) if beta > 0 else math.inf
    lam_se = math.exp(log_lam) if log_lam < 700 else math.inf
    out["stretchedExponential"] = ({"lambda": lam_se, "beta": beta},
                                   math.log(nu) - math.log(xmin) + (beta - 1) * u - nu * g, False)

    # lognormal in natural parameters (A, B), u = ln(x/xmin)
    def log_i(a, b):
        if a == 0:
            return -math.log(-b) if b < 0 else math.inf
        return b * b / (4 * a) + 0.5 * math.log(math.pi / a) + float(special.log_ndtr(b / math.sqrt(2 * a)))

    def ll_ln(a, b):
        li = log_i(a, b)
        return -logs.sum() - a * U2 + b * U - m * li if math.isfinite(li) else -np.inf

    ubar = U / m
    var = max(U2 / m - ubar * ubar, 1e-300)
    for name, positive in (("lognormal", False), ("lognormalPositive", True)):
        def best_b(a):
            lo = -2 * a * math.log(xmin) if positive else -np.inf
            start = max(-1 / ubar + 2 * a * ubar, lo)
            return maximise(lambda b: ll_ln(a, b), start, 0.1 * max(1, abs(start)), lo)

        a0 = 1 / (2 * var)
        a = maximise(lambda a: ll_ln(a, best_b(a)), a0, 0.5 * a0, 0.0)
        b = best_b(a)
        li = log_i(a, b)
        mu = math.log(xmin) + b / (2 * a) if a > 0 else math.nan
        sigma = 1 / math.sqrt(2 * a) if a > 0 else math.inf
        out[name] = ({"mu": mu, "sigma": sigma}, -logs - a * u * u + b * u - li, False)

    # truncated power law
    def ll_tpl(al, lam):
        if lam < 0:
            return -np.inf
        lj = log_cutoff_integral(al, lam * xmin)
        return -al * U - m * math.log(xmin) - lam * S - m * lj if math.isfinite(lj) else -np.inf

    def best_alpha(lam):
        return maximise(lambda al: ll_tpl(al, lam), alpha, 0.1 * max(1, abs(alpha)))

    lam0 = 0.1 / (S / m)
    lam = maximise(lambda la: ll_tpl(best_alpha(la), la), lam0, lam0, 0.0)
    al = best_alpha(lam)
    if ll_tpl(alpha, 0) >= ll_tpl(al, lam):
        al, lam = alpha, 0.0
    lj = log_cutoff_integral(al, lam * xmin)
    out["truncatedPowerLaw"] = ({"alpha": al, "lambda": lam}, -al * u - lam * (tail - xmin) - math.log(xmin) - lj, True)
    return {k: (params, float(ll.sum()), vuong(pl, ll, nested)) for k, (params, ll, nested) in out.items()}


def bootstrap(x_sorted, f, resamples, seed):
    rng = np.random.default_rng(seed)
    n = len(x_sorted)
    outside = x_sorted[:f["start"]]
    p_tail = f["ntail"] / n
    at_least = 0
    for _ in range(resamples):
        from_tail = rng.random(n) < p_tail
        k = int(from_tail.sum())
        synthetic = np.concatenate([f["xmin"] * (1 - rng.random(k)) ** (-1 / (f["alpha"] - 1)),
                                    outside[rng.integers(0, len(outside), n - k)]])
        synthetic.sort()
        if fit(synthetic)["ks"] >= f["ks"]:
            at_least += 1
    return at_least / resamples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--data", default="mix", choices=["mix", "pareto", "lognormal"])
    ap.add_argument("--input", help="read the sample from a file (one value per line) instead of generating it")
    ap.add_argument("--what", default="analysis", choices=["scan", "analysis", "bootstrap"])
    ap.add_argument("--resamples", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--save", help="write the generated sample (17 significant digits) and exit")
    args = ap.parse_args()
    x = np.loadtxt(args.input, comments="#") if args.input else sample(args.data, args.n, 7)
    if args.save:
        np.savetxt(args.save, x, fmt="%.17g")
        return
    for rep in range(args.repeat):
        t0 = time.perf_counter()
        xs = np.sort(x)
        f = fit(xs)
        t1 = time.perf_counter()
        line = f"n {len(x)}: scan {t1 - t0:.3f} s (x_min {f['xmin']!r}, alpha {f['alpha']!r}, D {f['ks']!r}, n_tail {f['ntail']})"
        if args.what == "analysis":
            alts = alternatives(xs[f["start"]:], f["xmin"], f["alpha"])
            t2 = time.perf_counter()
            line += f"; alternatives {t2 - t1:.3f} s; total {t2 - t0:.3f} s"
            if rep == args.repeat - 1:
                for k, (params, ll, (r, z, p)) in alts.items():
                    line += f"\n  {k}: {params} logL {ll:.6f} R {r:.6g} p {p:.3g}"
        elif args.what == "bootstrap":
            p = bootstrap(xs, f, args.resamples, 11)
            t2 = time.perf_counter()
            line += f"; bootstrap {args.resamples} resamples {t2 - t1:.3f} s ({(t2 - t1) / args.resamples * 1000:.1f} ms each), p {p}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
