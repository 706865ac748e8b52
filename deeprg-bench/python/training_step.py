#!/usr/bin/env python3
"""One training step of the paper's network in NumPy, the reference for TrainingStepBenchmark.

Network 784-600-400-200-100-10 (arXiv:1705.11023 Sec. 3, Fashion-MNIST input), ReLU, softmax cross-entropy,
Adam without clipping, batch 128, float64 -- the same step as org.deeprg.train.Trainer.step:
forward, backward, (optionally) the critical regulariser of Eq. 33 on the four hidden layers
(w = W^T W, M = diag(a w_ii + 1) + b w w, G = 2a diag(M_ii) + 2b (M w + w M), dP/dW = 2 W G,
a = beta/N, b = 2 beta^2/N^2, N = layer width), then Adam on every parameter.

Usage: python3 deeprg-bench/python/training_step.py [--steps 50] [--warmup 10]
Prints the mean and median milliseconds per step with and without the regulariser, and NumPy's BLAS.
"""
import argparse
import time

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--warmup", type=int, default=10)
    args = p.parse_args()
    rng = np.random.default_rng(1)
    sizes = [784, 600, 400, 200, 100, 10]
    batch = 128
    x = rng.standard_normal((batch, sizes[0]))
    y = np.arange(batch) % 10
    onehot = np.zeros((batch, 10))
    onehot[np.arange(batch), y] = 1.0

    for lam in (0.0, 1.0):
        W = [rng.standard_normal((sizes[l], sizes[l + 1])) * np.sqrt(2.0 / sizes[l]) for l in range(5)]
        b = [np.zeros(sizes[l + 1]) for l in range(5)]
        params = W + b
        m = [np.zeros_like(q) for q in params]
        v = [np.zeros_like(q) for q in params]
        t = 0
        lr, b1, b2, eps, beta = 1e-3, 0.9, 0.999, 1e-8, 1.0

        def step():
            nonlocal t
            acts = [x]
            for l in range(5):
                z = acts[-1] @ W[l] + b[l]
                acts.append(np.maximum(z, 0.0) if l < 4 else z)
            logits = acts[-1]
            zmax = logits.max(axis=1, keepdims=True)
            e = np.exp(logits - zmax)
            s = e.sum(axis=1, keepdims=True)
            loss = np.sum(np.log(s[:, 0]) - (logits[np.arange(batch), y] - zmax[:, 0]))
            delta = (e / s - onehot) / batch
            gW = [None] * 5
            gb = [None] * 5
            for l in range(4, -1, -1):
                gW[l] = acts[l].T @ delta
                gb[l] = delta.sum(axis=0)
                if l > 0:
                    delta = (delta @ W[l].T) * (acts[l] > 0)
            if lam > 0:
                for l in range(4):
                    n = sizes[l + 1]
                    a_ = beta / n
                    b_ = 2.0 * beta * beta / (n * n)
                    w = W[l].T @ W[l]
                    M = b_ * (w @ w)
                    M[np.diag_indices(n)] += a_ * np.diag(w) + 1.0
                    K = M @ w
                    G = 2.0 * b_ * (K + K.T)
                    G[np.diag_indices(n)] += 2.0 * a_ * np.diag(M)
                    gW[l] += lam * 2.0 * (W[l] @ G)
            t += 1
            grads = gW + gb
            c1 = 1 - b1 ** t
            c2 = 1 - b2 ** t
            for i, q in enumerate(params):
                g = grads[i]
                m[i] *= b1
                m[i] += (1 - b1) * g
                v[i] *= b2
                v[i] += (1 - b2) * g * g
                q -= (lr / c1) * m[i] / (np.sqrt(v[i] / c2) + eps)
            return loss

        for _ in range(args.warmup):
            step()
        times = []
        for _ in range(args.steps):
            t0 = time.perf_counter()
            step()
            times.append((time.perf_counter() - t0) * 1e3)
        times = np.array(times)
        print(f"numpy lambda={lam:g}: mean {times.mean():.2f} ms, median {np.median(times):.2f} ms, "
              f"min {times.min():.2f} ms per step ({args.steps} steps)")
    try:
        cfg = np.show_config(mode="dicts")
        print("numpy BLAS:", cfg.get("Build Dependencies", {}).get("blas", {}).get("name", "?"))
    except TypeError:
        pass


if __name__ == "__main__":
    main()
