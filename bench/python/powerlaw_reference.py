#!/usr/bin/python3
"""Reference check of deeprg's x_min scan against the conventions of the `powerlaw` Python package (Alstott et al.).

The package is not installed here (and PyPI is unreachable), so this script re-implements the parts of its published
algorithm that decide x_min, alpha and D (read from github.com/jeffalstott/powerlaw, powerlaw/fitting.py
Fit.find_xmin and powerlaw/distributions.py Power_Law, Distribution.compute_distance_metrics; not copied):
  * candidates: every distinct value but the largest (test_all_xmin=True), or by default max(100, n/100) values
    spaced evenly in log between the smallest value and the third largest distinct value;
  * alpha: the closed form 1 + n/sum ln(x/x_min) when it lies in (1.5, 3], otherwise the likelihood maximised inside
    the default parameter range [0, 3]; discrete data: the Hurwitz-zeta likelihood maximised in [0, 3] (the package's
    closed-form estimate is only used for x_min >= 10);
  * a candidate is valid only if alpha is inside [0, 3] and not within 0.01 of either end ("noise_flag");
  * D = max(D+, D-) between the model CDF and the data CDF evaluated at the distinct data values, where the data CDF
    is the fraction of values strictly below each value: one of the two sides of each step (deeprg takes the supremum
    over both, the exact two-sided distance).
It then runs ./deeprg critical powerlaw on the same six data sets of issue 16 and prints both.

Usage: python3 bench/python/powerlaw_reference.py [--deeprg ./deeprg] [--quick]
"""
import argparse
import json
import math
import os
import subprocess
import tempfile

import numpy as np
from scipy import optimize, special


def datasets(quick):
    rng = np.random.default_rng(16)
    big = 10 ** 5 if quick else 10 ** 6
    out = {}
    out["pareto 1e4 (alpha 2.5)"] = ((1 - rng.random(10 ** 4)) ** (-1 / 1.5), False)
    out[f"pareto {big:.0e} (alpha 2.5)"] = ((1 - rng.random(big)) ** (-1 / 1.5), False)
    body = np.exp(0.5 + 0.8 * rng.standard_normal(60_000))
    tail = 3 * (1 - rng.random(40_000)) ** (-1 / 1.3)
    out["lognormal body + pareto tail above 3 (alpha 2.3)"] = (np.concatenate([body, tail]), False)
    out["discrete power law (alpha 2.3, x_min 1)"] = (np.floor(0.5 * (1 - rng.random(10 ** 5)) ** (-1 / 1.3) + 0.5), True)
    out["lognormal (mu 1, sigma 1)"] = (np.exp(1 + rng.standard_normal(10 ** 5)), False)
    out["exponential (lambda 1 above 1)"] = (1 - np.log(1 - rng.random(10 ** 5)), False)
    return out


def package_fit(x, discrete, all_xmin):
    x = np.sort(x)
    n = len(x)
    uniq = np.unique(x)
    if all_xmin:
        candidates = uniq[:-1]
    else:
        top = np.sort(uniq)[-3]
        candidates = np.logspace(np.log10(x[0]), np.log10(top), max(100, n // 100))
    logx = np.log(x)
    suffix = np.concatenate([np.cumsum(logx[::-1])[::-1], [0.0]])
    best = None
    for xmin in candidates:
        s = int(np.searchsorted(x, xmin, side="left"))
        m = n - s
        if m < 2:
            continue
        if discrete:
            total_log = suffix[s]

            def nll(a):
                return a * total_log + m * math.log(special.zeta(a, xmin))
            res = optimize.minimize_scalar(nll, bounds=(1.0001, 3.0), method="bounded")
            alpha = res.x
        else:
            total = suffix[s] - m * math.log(xmin)
            if total <= 0:
                continue
            alpha = 1 + m / total
            if not (1.5 < alpha <= 3):
                alpha = min(max(alpha, 0.0), 3.0)  # the likelihood is concave in alpha: the constrained optimum
        if not (0.01 < alpha < 2.99):
            continue  # out of the default range [0, 3] or within eps = 0.01 of it: not a valid x_min
        tail = x[s:]
        values, first = np.unique(tail, return_index=True)
        data_cdf = first / m  # fraction strictly below each distinct value
        if discrete:
            model_cdf = 1 - special.zeta(alpha, values) / special.zeta(alpha, xmin)  # P(X < v)
        else:
            model_cdf = 1 - (values / xmin) ** (1 - alpha)
        diff = model_cdf - data_cdf
        d = max(diff.max(), -diff.min())
        if best is None or d < best[0]:
            best = (d, float(xmin), float(alpha), m)
    return best


def deeprg_fit(launcher, x, discrete):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        np.savetxt(f, x, fmt="%.17g")
        path = f.name
    out = tempfile.mkdtemp()
    cmd = [launcher, "critical", "powerlaw", "--input", path, "--type", "discrete" if discrete else "continuous",
           "--bootstrap", "0", "--uncertainty-resamples", "0", "--compare", "lognormal,exponential,truncatedPowerLaw",
           "--json", "--quiet", "--out", os.path.join(out, "r")]
    j = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    os.unlink(path)
    return j


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--deeprg", default="./deeprg")
    ap.add_argument("--quick", action="store_true", help="1e5 instead of 1e6 for the large Pareto sample")
    args = ap.parse_args()
    print("| data set | n | deeprg x_min | deeprg alpha | deeprg D (two-sided) | n_tail | package x_min (all values) | alpha | D (one side) "
          "| package x_min (default grid) | alpha | favoured by deeprg's LR tests |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, (x, discrete) in datasets(args.quick).items():
        j = deeprg_fit(args.deeprg, x, discrete)
        exhaustive = package_fit(x, discrete, True) if len(x) <= 10 ** 5 else None
        grid = package_fit(x, discrete, False)
        favoured = ", ".join(f"{a['name']}: {a['vsPowerLaw']['favoured']}" for a in j["alternatives"])

        def fmt(b):
            return ("-", "-", "-") if b is None else (f"{b[1]:.6g}", f"{b[2]:.4f}", f"{b[0]:.5f}")
        e = fmt(exhaustive)
        g = fmt(grid)
        print(f"| {name} | {len(x)} | {j['xmin']:.6g} | {j['alpha']:.4f} +- {j['alphaStderr']:.4f} | {j['ks']:.5f} | {j['nTail']} "
              f"| {e[0]} | {e[1]} | {e[2]} | {g[0]} | {g[1]} | {favoured} |", flush=True)


if __name__ == "__main__":
    main()
