#!/usr/bin/env python3
"""Straightforward vectorised NumPy reference of `deeprg qft ensemble --preset erbin2022`.

Same computation as deeprg: one-hidden-layer Gauss-net ensembles (Eqs. 1, 3 of Erbin, Lahoche, Samary 2022),
sigma_b = sigma_W = 1, d_in = 1, the six points of Sec. 3, n_bags = 20, n_nets = 30000,
N in {2,3,4,5,10,20,50,100,500,1000}; each network is evaluated once on the six points and the bag means of
all products over sorted multisets of sizes 2, 4, 6 (21 + 126 + 462) are accumulated; then mean and standard
error over bags. Networks are processed in chunks so memory stays bounded.

Usage: python3 qft_erbin2022_numpy.py [--bags B] [--nets K] [--widths 2,3,...] [--chunk C]
Prints the wall time and a checksum (G2 of the first multiset per width).
"""
import argparse
import itertools
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bags", type=int, default=20)
    ap.add_argument("--nets", type=int, default=30000)
    ap.add_argument("--widths", default="2,3,4,5,10,20,50,100,500,1000")
    ap.add_argument("--chunk", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    sigma_w, sigma_b, d_in = 1.0, 1.0, 1
    x = np.array([-0.01, -0.006, -0.002, 0.002, 0.006, 0.01])
    multisets = [list(c) for n in (2, 4, 6) for c in itertools.combinations_with_replacement(range(6), n)]
    rng = np.random.default_rng(a.seed)
    norm = np.exp(-(sigma_b ** 2 + sigma_w ** 2 / d_in * x ** 2))  # 1/sqrt(exp(2(sb^2 + sw^2 x^2/d)))
    t0 = time.perf_counter()
    c0 = time.process_time()
    out = {}
    for width in [int(w) for w in a.widths.split(",")]:
        bag_means = np.empty((a.bags, len(multisets)))
        for bag in range(a.bags):
            sums = np.zeros(len(multisets))
            done = 0
            while done < a.nets:
                c = min(a.chunk, a.nets - done)
                w0 = rng.standard_normal((c, width)) * (sigma_w / np.sqrt(d_in))
                b0 = rng.standard_normal((c, width)) * sigma_b
                w1 = rng.standard_normal((c, width)) * (sigma_w / np.sqrt(width))
                b1 = rng.standard_normal(c) * sigma_b
                # f[net, point] = b1 + sum_j w1 * g(w0 x + b0)
                z = w0[:, :, None] * x[None, None, :] + b0[:, :, None]
                g = np.exp(z) * norm[None, None, :]
                f = np.einsum("nj,njp->np", w1, g) + b1[:, None]
                for m, idx in enumerate(multisets):
                    sums[m] += np.prod(f[:, idx], axis=1).sum()
                done += c
            bag_means[bag] = sums / a.nets
        mean = bag_means.mean(axis=0)
        err = bag_means.std(axis=0, ddof=1) / np.sqrt(a.bags)
        out[width] = (mean, err)
    t1 = time.perf_counter()
    c1 = time.process_time()
    for width, (mean, err) in out.items():
        print(f"N={width:5d}  G2(0,0)={mean[0]:.5f}+-{err[0]:.5f}  G4(0,0,0,0)={mean[21]:.4f}+-{err[21]:.4f}")
    print(f"wall {t1 - t0:.2f} s cpu {c1 - c0:.2f} s for {a.bags} bags x {a.nets} nets x {len(out)} widths")


if __name__ == "__main__":
    main()
