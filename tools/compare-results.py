#!/usr/bin/env python3
"""Compare two `deeprg reproduce` report directories (or two result directories) number by number.

Usage: tools/compare-results.py OLD_DIR NEW_DIR [--rtol 1e-12] [--claims-only]

Walks every result.json and claims.json below OLD_DIR, finds the same file below NEW_DIR and compares the JSON trees:
numbers within a relative tolerance (default 1e-12, i.e. floating-point noise), strings and booleans exactly. Wall-clock timings are skipped; a tauInt that was NaN
and now follows the Estimate convention (0.5 for independent blocks) counts as a convention change. Keys
present only on one side are listed separately (a schema change, not a change of numbers). Exit 0 when no number or
verdict changed, 1 otherwise. Used to show that a refactoring changed no physics (issue 10).
"""
import json, math, os, re, sys

# wall-clock measurements differ on every run: not physics
TIMING = re.compile(r"(seconds|millis\w*|\w*Seconds|\w*Millis|regulariserFraction|elapsed\w*|startedAt|finishedAt)$")

def walk(a, b, path, out, rtol):
    if TIMING.search(path.rsplit(".", 1)[-1]):
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k in b:
                walk(a[k], b[k], f"{path}.{k}", out, rtol)
            else:
                out["removed"].append(f"{path}.{k}")
        for k in b:
            if k not in a:
                out["added"].append(f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out["changed"].append(f"{path}: length {len(a)} -> {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, f"{path}[{i}]", out, rtol)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if a == b or (math.isnan(a) and math.isnan(b)):
            return
        if abs(a - b) <= rtol * max(abs(a), abs(b)):
            out["noise"].append(f"{path}: {a!r} -> {b!r}")
        else:
            out["changed"].append(f"{path}: {a!r} -> {b!r}")
    elif a != b:
        # NaN written as a string vs null, or text
        if {str(a), str(b)} <= {"NaN", "None"} or (path.endswith(".tauInt") and a == "NaN"):
            out["noise"].append(f"{path}: {a!r} -> {b!r}")
        else:
            out["changed"].append(f"{path}: {a!r} -> {b!r}")

def main():
    args = [x for x in sys.argv[1:] if not x.startswith("--")]
    rtol = 1e-12
    if "--rtol" in sys.argv:
        rtol = float(sys.argv[sys.argv.index("--rtol") + 1])
        args = [x for x in args if x != sys.argv[sys.argv.index("--rtol") + 1]]
    names = ("claims.json",) if "--claims-only" in sys.argv else ("result.json", "claims.json")
    old, new = args[0], args[1]
    total = {"changed": [], "noise": [], "added": [], "removed": []}
    files = 0
    for root, _, fs in os.walk(old):
        for f in fs:
            if f not in names:
                continue
            rel = os.path.relpath(os.path.join(root, f), old)
            other = os.path.join(new, rel)
            if not os.path.exists(other):
                total["removed"].append(rel + " (file)")
                continue
            files += 1
            with open(os.path.join(root, f)) as fa, open(other) as fb:
                walk(json.load(fa), json.load(fb), rel, total, rtol)
    print(f"compared {files} files: {len(total['changed'])} changed values, {len(total['noise'])} within rtol {rtol}, "
          f"{len(total['added'])} keys added, {len(total['removed'])} keys removed")
    for kind in ("changed", "removed", "added"):
        for line in total[kind][:200]:
            print(f"  {kind}: {line}")
    return 1 if total["changed"] else 0

if __name__ == "__main__":
    sys.exit(main())
