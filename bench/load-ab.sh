#!/usr/bin/env bash
# The load run of two builds, alternated: the benchmark client built from a base commit and from the working tree,
# run base, work, base, work, ... Each run measures the generated client against its own raw baseline, and the
# alternation spreads this shared machine's drift (often 10-20% between runs minutes apart) over both builds, so a
# change of a few percent shows in the ratios instead of in the noise between a run before and a run after.
#
#   bash bench/load-ab.sh [BASE]        # BASE: a git ref, default HEAD; RUNS=3 ROUNDS=3 CALLS=100000 WARMUP=150000
#
# Prints one line per round: build, run, round, calls/s ratio against raw, allocated bytes and client CPU per call,
# and that CPU against raw's in the same round; then each build's medians of the two ratios. Also takes
# DATADOGGEN_BENCH_* variables through to both builds.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base_ref="${1:-HEAD}"
runs="${RUNS:-3}" rounds="${ROUNDS:-3}" calls="${CALLS:-100000}" warmup="${WARMUP:-150000}"
shared="$(cd "$repo/.." && pwd)/shared/datadog"
work="$(mktemp -d "${TMPDIR:-/tmp}/datadoggen-load-ab.XXXXXX")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
trap 'git -C "$repo" worktree remove --force "$work/base" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --detach "$work/base" "$base_ref" > /dev/null
for tree in "$work/base" "$repo"; do
  dotnet build -c Release "$tree/bench/DatadogGen.Benchmarks.Client" -p:DatadogSharedDir="$shared" -nologo -v:q > "$work/build.log" \
    || { cat "$work/build.log" >&2; exit 1; }
done

client() { echo "$1/bench/DatadogGen.Benchmarks.Client/bin/Release/net10.0/DatadogGen.Benchmarks.Client.dll"; }
echo "base: $(git -C "$repo" rev-parse --short "$base_ref"); work: the working tree of $(git -C "$repo" rev-parse --short HEAD)"
echo "build run round ratio allocated/call client-cpu/call client-cpu-vs-raw"
for run in $(seq "$runs"); do
  for build in base work; do
    tree="$repo"; [ "$build" = base ] && tree="$work/base"
    dotnet "$(client "$tree")" load --calls "$calls" --rounds "$rounds" --warmup "$warmup" --observed \
      | awk -F'|' -v build="$build" -v run="$run" '
          /^\| Raw/ { gsub(/ /, "", $3); raw_cpu[$3] = $9 + 0 }
          /^\| Generated/ { gsub(/ /, "", $3); gsub(/ /, "", $7); gsub(/ /, "", $8); gsub(/ /, "", $9);
                           printf "%s %s %s %s %s %s %.2f\n", build, run, $3, $7, $8, $9, ($9 + 0) / raw_cpu[$3] }' \
      | tee -a "$work/rounds.txt"
  done
done

# Medians of the calls/s ratio (the issue's number) and of client CPU per call against raw's in the same round, which
# moves less with the machine's load than calls/s do.
for build in base work; do
  for column in 4:calls/s 7:client-cpu; do
    awk -v build="$build" -v col="${column%%:*}" '$1 == build { print $col }' "$work/rounds.txt" | sort -n \
      | awk -v build="$build" -v name="${column#*:}" '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%s: %s vs raw median %.3f of %d rounds (%.2f-%.2f)\n", build, name, m, NR, r[1], r[NR] }'
  done
done
