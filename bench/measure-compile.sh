#!/usr/bin/env bash
# The compile of all of Datadog's v2 spec, DatadogGen beside Kiota, in one run on one machine: the ratio issue 12 asks for.
#
#   bash bench/measure-compile.sh          # spec: ../shared/datadog/openapi-v2.yaml (or $DATADOGGEN_V2_SPEC)
#   RUNS=3 bash bench/measure-compile.sh   # three measured rebuilds of each (alternating), the best one summarized
#   LAYERS=1 bash bench/measure-compile.sh # then where our compile goes: the generated files rewritten into lighter
#                                          # shapes by bench/compile-layers.py, each timed the same way (~10 more minutes per run)
#
# 1. Kiota 1.38.0 is installed as a dotnet tool into the work dir. Its YAML reader cannot read Datadog's YAML as
#    published, so the spec is converted to JSON first (python3 with PyYAML; YAML dates become strings). Kiota generates
#    the C# client (timed, offline: no update check, no telemetry), and a class library around it references Kiota's
#    runtime: the packages of Microsoft.Kiota.Bundle at the version `kiota info -l CSharp` asks for (the bundle itself
#    is not on every feed, its six parts are).
# 2. DatadogGen: a class library with this repo's generator (as analyzer, with generator/build/DatadogGen.props) and
#    runtime, the spec as AdditionalFiles (all operations), TreatWarningsAsErrors.
# 3. Both are built once (restore, dependencies, warm-up). Then, alternating, one source file of each is touched and
#    only that project is rebuilt, the same way for both: `dotnet build --no-restore --no-dependencies -m:1
#    -p:UseSharedCompilation=false` under /usr/bin/time -v, so csc is a child process and "Maximum resident set size"
#    is the compiler's peak memory. For DatadogGen the rebuild includes the generator, which runs inside csc.
# 4. Generated files and lines are counted for both; the summary gives the best (minimum) of the runs and the ratios.
# Each measurement first waits (up to 2 minutes) for the 1-minute load average to fall below 1 and prints it: a load
# that stays higher, or rises well past ~2 during a compile, means something else was running and the numbers are off.
# Needs /usr/bin/time (Debian: apt-get install time) and PyYAML (apt-get install python3-yaml). About 6 minutes on
# 2 cores with RUNS=1, plus ~2-3 minutes per further run; the compiles take 1.5-2.5 GB each: run nothing else meanwhile.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/bench/consumer-project.sh"
spec="${DATADOGGEN_V2_SPEC:-$repo/../shared/datadog/openapi-v2.yaml}"
[ -f "$spec" ] || { echo "spec not found: $spec (set DATADOGGEN_V2_SPEC)" >&2; exit 1; }
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
runs="${RUNS:-1}"
kiota_version=1.38.0

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
python3 -c 'import yaml' 2> /dev/null || { echo "needs PyYAML for python3: apt-get install python3-yaml" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/datadoggen-compile.XXXXXX")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false KIOTA_CONSOLE_COLORS_ENABLED=false

# Timings on a shared 2-core machine mean little if something else runs: print the 1-minute load average with each.
load() { cut -d' ' -f1 /proc/loadavg; }
# Before each measurement, wait (at most 2 minutes) for the load of the previous build to fade below 1.
settle() { local waited=0; while (( $(echo "$(load) >= 1" | bc) )) && (( waited < 120 )); do sleep 5; waited=$((waited + 5)); done; echo "$(load) (waited ${waited} s)"; }
now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }

echo "# measure-compile: $(date -u +%Y-%m-%dT%H:%MZ), repo $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo no-git)), spec $spec"
echo "# work dir: $work, runs: $runs"
echo

# --- Kiota: install, convert the spec, generate ----------------------------------------------------------------------
echo "## Kiota $kiota_version"
echo
dotnet tool install Microsoft.OpenApi.Kiota --version "$kiota_version" --tool-path "$work/tools" > "$work/kiota-install.log" 2>&1 \
  || { echo "kiota install failed, see $work/kiota-install.log" >&2; exit 1; }
kiota="$work/tools/kiota"
# The runtime version this Kiota expects (its Microsoft.Kiota.Bundle line in `kiota info`).
kiota_runtime_version=$("$kiota" info -l CSharp 2>&1 | awk '$1 == "Microsoft.Kiota.Bundle" { print $2 }')
kiota_runtime_version="${kiota_runtime_version:-2.1.2}"
echo "Kiota runtime (Microsoft.Kiota.Bundle's packages): $kiota_runtime_version"

python3 - "$spec" "$work/openapi-v2.json" <<'PY'
import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as source:
    document = yaml.safe_load(source)
with open(sys.argv[2], "w", encoding="utf-8") as target:
    json.dump(document, target, default=str)
PY

kiota_dir="$work/kiota"
mkdir -p "$kiota_dir"
echo "load before generation: $(load)"
start=$(now)
"$kiota" generate -l CSharp -d "$work/openapi-v2.json" -o "$kiota_dir/Generated" -n DatadogKiota.Client \
  -c DatadogClient --exclude-backward-compatible --clean-output > "$work/kiota-generate.log" 2>&1 \
  || { echo "kiota generate failed, see $work/kiota-generate.log" >&2; exit 1; }
kiota_generate=$(since "$start")
echo "kiota generate: ${kiota_generate} s ($(grep -c '^warn:' "$work/kiota-generate.log" || true) generator warnings, see $work/kiota-generate.log)"
echo

pkgs=""
for p in Abstractions Http.HttpClientLibrary Serialization.Form Serialization.Json Serialization.Multipart Serialization.Text; do
  pkgs+="    <PackageReference Include=\"Microsoft.Kiota.$p\" Version=\"$kiota_runtime_version\" />"$'\n'
done
cat > "$kiota_dir/KiotaClient.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <!-- Kiota 1.38's C# output builds with no warnings here; these are kept off in case another version emits them. -->
    <NoWarn>\$(NoWarn);CS1591;CS8618;CS0108;CS0618</NoWarn>
  </PropertyGroup>
  <ItemGroup>
${pkgs}  </ItemGroup>
</Project>
XML
kiota_touch="$kiota_dir/Generated/DatadogClient.cs"

# --- DatadogGen: the consumer library (bench/consumer-project.sh, all operations) -------------------------------------
gen_dir="$work/datadoggen"
mkdir -p "$gen_dir"
write_consumer_project "$gen_dir/Consumer.csproj" Library "$(spec_items "$spec" "")"
cat > "$gen_dir/Program.cs" <<'CS'
namespace Consumer;

public static class Anchor
{
    public static string Name => "consumer";
}
CS
gen_touch="$gen_dir/Program.cs"

# --- Warm-up: restore, dependencies, a first full build of each -------------------------------------------------------
echo "## Warm-up (restore, dependencies, first build)"
echo
for name in kiota datadoggen; do
  if [ "$name" = kiota ]; then project="$kiota_dir/KiotaClient.csproj"; else project="$gen_dir/Consumer.csproj"; fi
  echo "load before: $(load)"
  start=$(now)
  dotnet build "$project" -c Release -nologo > "$work/warmup-$name.log" 2>&1 \
    || { echo "warm-up build of $project failed, see $work/warmup-$name.log" >&2; tail -20 "$work/warmup-$name.log" >&2; exit 1; }
  echo "$name: $(since "$start") s, $(grep -oE '^ *[0-9]+ Warning\(s\)' "$work/warmup-$name.log" | tail -1 | xargs)"
done
echo

# --- Measured rebuilds: touch one file, rebuild that project alone, csc as a child process ---------------------------
echo "## Measured rebuilds (--no-restore --no-dependencies -m:1 -p:UseSharedCompilation=false, /usr/bin/time -v)"
echo
declare -A best_wall best_rss
measure() { # $1 = name, $2 = project, $3 = file to touch, $4 = run
  local timing="$work/time-$1-$4.txt" log="$work/build-$1-$4.log" before wall rss seconds cpu
  before=$(settle)
  touch "$3"
  /usr/bin/time -v -o "$timing" dotnet build "$2" -c Release -nologo --no-restore --no-dependencies \
    -m:1 -nodeReuse:false -p:UseSharedCompilation=false "$measured_rebuild" > "$log" 2>&1 \
    || { echo "rebuild of $1 failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
  wall=$(grep "Elapsed (wall clock)" "$timing" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$timing" | awk '{print $NF}')
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  cpu=$(awk -F': ' '/User time|System time/ { sum += $2 } END { printf "%.1f", sum }' "$timing")
  echo "run $4, $1: wall ${seconds} s, CPU user+sys ${cpu} s, peak RSS $((rss / 1024)) MiB (load before: $before; after: $(load))"
  if [ -z "${best_wall[$1]:-}" ] || (( $(echo "$seconds < ${best_wall[$1]}" | bc) )); then best_wall[$1]=$seconds; fi
  if [ -z "${best_rss[$1]:-}" ] || (( rss < ${best_rss[$1]} )); then best_rss[$1]=$rss; fi
}
for run in $(seq 1 "$runs"); do
  measure kiota "$kiota_dir/KiotaClient.csproj" "$kiota_touch" "$run"
  measure datadoggen "$gen_dir/Consumer.csproj" "$gen_touch" "$run"
done

count() { # $1 = dir, $2 = name pattern: "files lines"
  local files lines
  files=$(find "$1" -name "$2" | wc -l)
  lines=$(find "$1" -name "$2" -print0 | xargs -0 cat | wc -l)
  echo "$files $lines"
}
read -r kiota_files kiota_lines < <(count "$kiota_dir/Generated" '*.cs')
read -r gen_files gen_lines < <(count "$gen_dir/obj/Release/net10.0/generated" '*.g.cs')

ratio() { printf '%.2f' "$(echo "scale=4; $1 / $2" | bc)"; }
mib() { echo $(($1 / 1024)); }
echo
echo "## Summary: all of v2, rebuild of the client library alone (best of $runs)"
echo
echo "| | compile wall | peak RSS MiB | generated files | generated lines |"
echo "|---|---:|---:|---:|---:|"
echo "| DatadogGen (generator included) | ${best_wall[datadoggen]} s | $(mib "${best_rss[datadoggen]}") | $gen_files | $gen_lines |"
echo "| Kiota $kiota_version | ${best_wall[kiota]} s | $(mib "${best_rss[kiota]}") | $kiota_files | $kiota_lines |"
echo "| ratio DatadogGen / Kiota | $(ratio "${best_wall[datadoggen]}" "${best_wall[kiota]}") | $(ratio "${best_rss[datadoggen]}" "${best_rss[kiota]}") | | $(ratio "$gen_lines" "$kiota_lines") |"
echo
echo "Kiota $kiota_version generated its client in ${kiota_generate} s (not part of its compile time above)."

# --- Layers: the generated files as plain sources, each layer with one more part of the emitted code taken away -------
if [ "${LAYERS:-0}" = 1 ]; then
  echo
  echo "## Layers (bench/compile-layers.py; same rebuild as above, no generator in these builds)"
  echo
  # The consumer's project without the generator (its props, the analyzer reference, the spec): the same settings.
  grep -v -e 'DatadogGen.props' -e 'DatadogGen.Generator.csproj' -e '<AdditionalFiles' "$gen_dir/Consumer.csproj" > "$work/layer.csproj"
  layers="emitted models no-read-write no-static-json slots floor"
  python3 "$repo/bench/compile-layers.py" \
    "$gen_dir/obj/Release/net10.0/generated/DatadogGen.Generator/DatadogGen.Generator.DatadogGenerator" "$work/layers" "$work/layer.csproj"
  for layer in $layers; do
    dotnet build "$work/layers/$layer/Layer.csproj" -c Release -nologo > "$work/warmup-layer-$layer.log" 2>&1 \
      || { echo "warm-up build of layer $layer failed, see $work/warmup-layer-$layer.log" >&2; exit 1; }
  done
  for run in $(seq 1 "$runs"); do
    for layer in $layers; do
      measure "layer-$layer" "$work/layers/$layer/Layer.csproj" "$(ls "$work/layers/$layer/src/"*.cs | head -1)" "$run"
    done
  done
  echo
  echo "| layer (best of $runs) | compile wall | peak RSS MiB | time / Kiota | memory / Kiota |"
  echo "|---|---:|---:|---:|---:|"
  for layer in $layers; do
    echo "| $layer | ${best_wall[layer-$layer]} s | $(mib "${best_rss[layer-$layer]}") | $(ratio "${best_wall[layer-$layer]}" "${best_wall[kiota]}") | $(ratio "${best_rss[layer-$layer]}" "${best_rss[kiota]}") |"
  done
fi
echo
echo "Logs and projects are in $work (delete it when done)."
