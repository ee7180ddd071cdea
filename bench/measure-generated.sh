#!/usr/bin/env bash
# What the generator produces and what compiling it costs, for Datadog's full v2 spec and for one operation.
#
#   bench/measure-generated.sh            # spec: ../shared/datadog/openapi-v2.yaml (or $DATADOGGEN_V2_SPEC)
#
# 1. In-process counts and times: `dotnet run -c Release --project bench/DatadogGen.Benchmarks -- measure-output`.
# 2. For each case (all = every operation, one = DatadogGenOperations=CreateIncidentPostmortemAttachment), a throwaway
#    consumer project in a temp dir references this repo's generator (as analyzer, with generator/build/DatadogGen.props)
#    and runtime, with the spec as AdditionalFiles. A first `dotnet build` warms everything (restore, generator, runtime,
#    compiler server); then Program.cs is touched and only the consumer is rebuilt (--no-dependencies):
#      a) with the compiler server (the default for dotnet build; a private one, see $server): wall time and the
#         generator's time inside the server;
#      b) without it (-p:UseSharedCompilation=false, csc is a child process) under /usr/bin/time -v: wall, CPU and
#         peak RSS of the compile, plus MSBuild's Csc task time and the generator's own time inside csc
#         (-p:ReportAnalyzer=true).
#    Generated files and lines are counted from obj/generated (EmitCompilerGeneratedFiles).
# Needs /usr/bin/time (Debian: apt-get install time). Takes ~5 minutes on 2 cores.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/bench/consumer-project.sh"
spec="${DATADOGGEN_V2_SPEC:-$repo/../shared/datadog/openapi-v2.yaml}"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
work="$(mktemp -d "${TMPDIR:-/tmp}/datadoggen-measure.XXXXXX")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A compiler server of our own (it exits after 10 idle minutes), so other builds on the machine neither share nor
# disturb the one measured here.
server="-p:SharedCompilationId=datadoggen-measure-$$"

echo "# measure-generated: $(date -u +%Y-%m-%dT%H:%MZ), repo $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo no-git)), spec $spec"
echo "# work dir: $work"
echo

echo "## In-process (bench/DatadogGen.Benchmarks measure-output)"
echo
DATADOGGEN_V2_SPEC="$spec" dotnet run -c Release --project "$repo/bench/DatadogGen.Benchmarks" -- measure-output
echo

make_consumer() { # $1 = dir, $2 = DatadogGenOperations ('' = all)
  mkdir -p "$1"
  write_consumer_project "$1/Consumer.csproj" Library "$(spec_items "$spec" "$2")"
  cat > "$1/Program.cs" <<'CS'
namespace Consumer;

public static class Anchor
{
    public static string Name => "consumer";
}
CS
}

count_generated() { # $1 = dir
  local gen="$1/obj/Release/net10.0/generated"
  local files lines bytes
  files=$(find "$gen" -name '*.g.cs' | wc -l)
  lines=$(find "$gen" -name '*.g.cs' -print0 | xargs -0 cat | wc -l)
  bytes=$(find "$gen" -name '*.g.cs' -print0 | xargs -0 cat | wc -c)
  echo "generated files: $files, lines: $lines, bytes: $bytes"
}

# Timings on a shared 2-core machine mean little if something else runs: print the 1-minute load average with each.
load() { cut -d' ' -f1 /proc/loadavg; }

# Seconds the compiler spent in DatadogGenerator, from csc's /reportanalyzer table (needs -v:d).
generator_time() {
  local t
  t=$(grep -E "^\s+[0-9.<]+\s+[0-9<]+\s+DatadogGen\.Generator\.DatadogGenerator\s*$" "$1" | head -1 | awk '{print $1}')
  echo "${t:-n/a}"
}

results=()
for case in all one; do
  dir="$work/$case"
  ops=""; [ "$case" = one ] && ops="CreateIncidentPostmortemAttachment"
  make_consumer "$dir" "$ops"
  echo "## Consumer '$case' ($dir)"
  echo
  echo "### warm-up build"
  warm_start=$(date +%s.%N)
  if dotnet build "$dir/Consumer.csproj" -c Release -nologo -v:q "$server" > "$dir/warm.log" 2>&1; then warm_ok=yes; else warm_ok=no; fi
  echo "warm-up build: ok=$warm_ok, $(echo "$(date +%s.%N) - $warm_start" | bc) s (restore + generator + runtime + consumer)"
  grep -E "error|warning" "$dir/warm.log" | sort | uniq -c | sort -rn | head -5 || true
  count_generated "$dir"

  echo
  echo "### a) rebuild of the consumer only, compiler server (default)"
  touch "$dir/Program.cs"
  load_a=$(load)
  start=$(date +%s.%N)
  if dotnet build "$dir/Consumer.csproj" -c Release -nologo --no-restore --no-dependencies "$server" -p:ReportAnalyzer=true -v:d > "$dir/shared.log" 2>&1; then ok_a=yes; else ok_a=no; fi
  wall_a=$(echo "$(date +%s.%N) - $start" | bc)
  errors_a=$(grep -c ": error " "$dir/shared.log" || true)
  gen_a=$(generator_time "$dir/shared.log")
  echo "ok=$ok_a errors=$errors_a wall=${wall_a} s; DatadogGenerator inside the compiler server: ${gen_a} s (load before: $load_a, after: $(load))"

  echo
  echo "### b) rebuild of the consumer only, csc as a child process, /usr/bin/time -v"
  touch "$dir/Program.cs"
  load_b=$(load)
  /usr/bin/time -v -o "$dir/time.txt" dotnet build "$dir/Consumer.csproj" -c Release -nologo --no-restore --no-dependencies \
    -m:1 -nodeReuse:false -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary \
    > "$dir/unshared.log" 2>&1 && ok_b=yes || ok_b=no
  wall_b=$(grep "Elapsed (wall clock)" "$dir/time.txt" | awk '{print $NF}')
  user_b=$(grep "User time" "$dir/time.txt" | awk '{print $NF}')
  sys_b=$(grep "System time" "$dir/time.txt" | awk '{print $NF}')
  rss_b=$(grep "Maximum resident set size" "$dir/time.txt" | awk '{print $NF}')
  csc_ms=$(grep -E "^\s+[0-9]+ ms\s+Csc\s" "$dir/unshared.log" | awk '{print $1}' | head -1)
  gen_b=$(generator_time "$dir/unshared.log")
  errors_b=$(grep -c ": error " "$dir/unshared.log" || true)
  echo "load before: $load_b, after: $(load) (1-minute load average; > 0.5 before means something else was running)"
  echo "ok=$ok_b errors=$errors_b wall=$wall_b user=${user_b}s sys=${sys_b}s maxRSS=${rss_b}KB Csc-task=${csc_ms}ms"
  echo "DatadogGenerator inside the csc process (ReportAnalyzer): ${gen_b} s"
  echo
  results+=("| $case | $ok_b | $wall_a s (generator $gen_a s) | $wall_b (generator $gen_b s) | $user_b + $sys_b s | $((rss_b / 1024)) MiB | ${csc_ms} ms |")
done

echo "## Summary: rebuild of the consumer only (generator + compile of the generated code)"
echo
echo "| case | compiles | dotnet build wall, compiler server | dotnet build wall, csc child process | CPU user+sys (csc process) | peak RSS | Csc task (csc process) |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
echo
echo "Logs are in $work (delete it when done)."
