#!/usr/bin/env python3
"""Checks the built main jars with the JDK's jdeps (issue 20's own measure, beside the ArchUnit rules in the build):
no package cycle, and no edge from one artifact into another artifact's internal package.

Usage: .ci/check-structure.py [REPO_ROOT]   (after `mvn package`; exits 1 and says why on a violation)
"""
import glob, os, re, subprocess, sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
modules = ["dhcp-embedded", "junit-extension", "testcontainers", "lab", "cli", "agent"]
jars = []
for m in modules:
    found = [j for j in glob.glob(os.path.join(root, m, "target", "*.jar"))
             if not re.search(r"-(sources|javadoc|tests|all)\.jar$", j)]
    if len(found) != 1:
        sys.exit(f"check-structure: expected one main jar in {m}/target, found {found} (run mvn package first)")
    jars.append(found[0])
classpath = os.pathsep.join(glob.glob(os.path.expanduser("~/.m2/repository/**/*.jar"), recursive=True)
                            if os.environ.get("JDEPS_FULL_CLASSPATH") else [])
out = subprocess.run(["jdeps", "-verbose:package", "-filter:none", "--multi-release", "17"]
                     + (["-cp", classpath] if classpath else []) + jars,
                     capture_output=True, text=True).stdout
edges, artifact_of = {}, {}
current = None
for line in out.splitlines():
    head = re.match(r"^(\S+\.jar) -> ", line)
    if head:
        current = os.path.basename(head.group(1))
        continue
    m = re.match(r"^\s+(dev\.dhcpembedded[\w.]*)\s+->\s+(dev\.dhcpembedded[\w.]*)\s+(\S+)", line)
    if m and current:
        a, b, where = m.groups()
        artifact_of.setdefault(a, current)
        artifact_of.setdefault(b, where if where.endswith(".jar") else current)
        if a != b:
            edges.setdefault(a, set()).add(b)
# Tarjan's strongly connected components: each one of more than one package is a cycle
index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            cycles.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(edges):
    if v not in index:
        visit(v)
reaches = sorted(f"{a} ({artifact_of[a]}) -> {b} ({artifact_of.get(b)})"
                 for a, bs in edges.items() for b in bs
                 if ".internal" in b and artifact_of.get(b) != artifact_of[a])
packages = len(set(edges) | {b for bs in edges.values() for b in bs})
print(f"check-structure: {len(jars)} jars, {packages} packages, {sum(len(b) for b in edges.values())} package edges")
for c in cycles:
    print("  package cycle: {" + ", ".join(c) + "}")
for r in reaches:
    print("  reach into another artifact's internals: " + r)
if cycles or reaches:
    sys.exit(1)
print("check-structure: no package cycle, no reach into another artifact's internal package")
