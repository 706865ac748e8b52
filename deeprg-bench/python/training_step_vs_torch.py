#!/usr/bin/env python3
"""One training step of the paper's network, deeprg against PyTorch (CPU), in one run, with the same thread count.

Network F-600-400-200-100-10 (arXiv:1705.11023 Sec. 3) for F = 784 (Fashion-MNIST) and F = 3072 (CIFAR-10), ReLU,
softmax cross-entropy, Adam (lr 1e-3, no clipping), batch 128, float64 in both (deeprg computes in double precision),
without and with the critical regulariser on the four hidden layers on every step. PyTorch computes the regulariser
as a user would: the penalty P = sum_layers ||M||_F^2, M = diag(a w_ii + 1) + b w w, w = W W^T (W: torch's (out, in)
weight), a = beta/N, b = 2 beta^2/N^2, differentiated by autograd (deeprg: the closed-form gradient, the same
function; checked against finite differences in TrainerTest).

Usage (after `mvn -q -B -o package -DskipTests -pl deeprg-bench -am`):
    /usr/bin/python3 deeprg-bench/python/training_step_vs_torch.py [--threads 1] [--steps 30] [--warmup 10]
Both sides get the same number of threads: torch.set_num_threads(T) and OMP/MKL variables; deeprg's native OpenBLAS
through OPENBLAS_NUM_THREADS=T (deeprg's own training step is sequential; its parallelism is over tasks).
Prints a table of median milliseconds per step (min in parentheses) and the ratio torch/deeprg at the same precision
(> 1: deeprg faster); PyTorch in float32 (what a PyTorch user would usually run) is shown beside it.
"""
import argparse
import os
import re
import subprocess
import sys
import time


def torch_times(threads, steps, warmup, dtype_name):
    import torch
    torch.set_num_threads(threads)
    dtype = getattr(torch, dtype_name)
    torch.manual_seed(1)
    out = {}
    for features in (784, 3072):
        for lam in (0.0, 1.0):
            sizes = [features, 600, 400, 200, 100, 10]
            layers = [torch.nn.Linear(sizes[i], sizes[i + 1]).to(dtype) for i in range(5)]
            model = torch.nn.Sequential(layers[0], torch.nn.ReLU(), layers[1], torch.nn.ReLU(), layers[2], torch.nn.ReLU(),
                                        layers[3], torch.nn.ReLU(), layers[4])
            opt = torch.optim.Adam(model.parameters(), lr=1e-3)
            x = torch.randn(128, features, dtype=dtype)
            y = torch.arange(128) % 10
            loss_fn = torch.nn.CrossEntropyLoss(reduction="mean")
            beta = 1.0

            def step():
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(x), y)
                if lam > 0:
                    for lin in layers[:4]:
                        W = lin.weight  # (N, in): rows are the layer's units
                        n = W.shape[0]
                        a_ = beta / n
                        b_ = 2.0 * beta * beta / (n * n)
                        w = W @ W.T
                        M = b_ * (w @ w) + torch.diag(a_ * torch.diagonal(w) + 1.0)
                        loss = loss + lam * (M * M).sum()
                loss.backward()
                opt.step()

            for _ in range(warmup):
                step()
            ts = []
            for _ in range(steps):
                t0 = time.perf_counter()
                step()
                ts.append((time.perf_counter() - t0) * 1e3)
            ts.sort()
            out[(features, lam)] = (ts[len(ts) // 2], ts[0])
    return out, torch.__version__, torch.__config__.parallel_info().splitlines()[0:3]


def deeprg_times(threads, steps, warmup, jar, java):
    env = dict(os.environ)
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    cmd = [java, "-Xmx2g", "--add-modules", "jdk.incubator.vector", "-cp", jar, "org.deeprg.bench.TrainingStepTimer", str(steps),
           str(warmup)]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    out = {}
    blas = ""
    for line in p.stdout.splitlines():
        if line.startswith("deeprg BLAS:"):
            blas = line
        m = re.match(r"deeprg features=(\d+) lambda=([\d.]+) median=([\d.]+) min=([\d.]+)", line)
        if m:
            out[(int(m.group(1)), float(m.group(2)))] = (float(m.group(3)), float(m.group(4)))
    return out, blas


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "benchmarks.jar"))
    p.add_argument("--java", default="java")
    a = p.parse_args()
    for v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = str(a.threads)
    d, blas = deeprg_times(a.threads, a.steps, a.warmup, a.jar, a.java)
    t, version, info = torch_times(a.threads, a.steps, a.warmup, "float64")
    t32, _, _ = torch_times(a.threads, a.steps, a.warmup, "float32")
    print(f"threads: {a.threads}; steps: {a.steps} after {a.warmup} warm-up; load average: {os.getloadavg()}")
    print(blas)
    print(f"torch {version}: " + "; ".join(s.strip() for s in info))
    print()
    print("| inputs | regulariser | deeprg float64 median (min) ms | PyTorch float64 median (min) ms | PyTorch / deeprg "
          "(same precision) | PyTorch float32 median (min) ms |")
    print("|---|---|---|---|---|---|")
    for key in sorted(d):
        dm, dmin = d[key]
        tm, tmin = t[key]
        sm, smin = t32[key]
        print(f"| {key[0]} | {'every step' if key[1] > 0 else 'no'} | {dm:.1f} ({dmin:.1f}) | {tm:.1f} ({tmin:.1f}) | {tm / dm:.2f} "
              f"| {sm:.1f} ({smin:.1f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
