#!/usr/bin/env bash
# The compile of all of Datadog's v2 spec, DatadogGen beside Kiota, in one run on one machine: the ratio issue 12 asks for.
#
#   bash bench/measure-compile.sh          # spec: ../shared/datadog/openapi-v2.yaml (or $DATADOGGEN_V2_SPEC); RUNS=2 for two rounds
#
# 1. Kiota 1.38.0 is installed as a dotnet tool into the work dir. Its YAML reader cannot read Datadog's YAML as
#    published, so the spec is converted to JSON first (python3 with PyYAML; YAML dates become strings). Kiota generates
#    the C# client (timed), and a class library around it references Kiota's runtime packages.
# 2. DatadogGen: a class library with this repo's generator (as analyzer) and runtime, the spec as AdditionalFiles.
# 3. Both are built once (restore, dependencies, warm-up). Then, alternating, one source file of each is touched and
#    only that project is rebuilt, the same way for both: `dotnet build --no-restore --no-dependencies -m:1
#    -p:UseSharedCompilation=false` under /usr/bin/time -v, so csc is a child process and "Maximum resident set size"
#    is the compiler's peak memory. For DatadogGen the rebuild includes the generator, which runs inside csc.
# 4. Generated files and lines are counted for both; the summary gives the best of the runs and the ratios.
# Needs /usr/bin/time (Debian: apt-get install time) and python3-yaml. About 5 minutes per round on 2 cores.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${DATADOGGEN_V2_SPEC:-$repo/../shared/datadog/openapi-v2.yaml}"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
runs="${RUNS:-1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/datadoggen-compile.XXXXXX")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
kiota_version=1.38.0
kiota_runtime_version=2.1.6

command -v /usr/bin/time > /dev/null || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
python3 -c 'import yaml' 2> /dev/null || { echo "needs PyYAML: apt-get install python3-yaml" >&2; exit 1; }

load() { cut -d' ' -f1 /proc/loadavg; }

echo "# measure-compile: $(date -u +%Y-%m-%dT%H:%MZ), repo $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo no-git)), spec $spec"
echo "# work dir: $work"
echo

# --- Kiota ---------------------------------------------------------------------------------------------------------
dotnet tool install Microsoft.OpenApi.Kiota --version "$kiota_version" --tool-path "$work/tools" > "$work/kiota-install.log"
python3 - "$spec" "$work/openapi-v2.json" <<'PY'
import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as source:
    document = yaml.safe_load(source)
with open(sys.argv[2], "w", encoding="utf-8") as target:
    json.dump(document, target, default=str)
PY
kiota_dir="$work/kiota"
mkdir -p "$kiota_dir"
start=$(date +%s.%N)
"$work/tools/kiota" generate -l CSharp -d "$work/openapi-v2.json" -o "$kiota_dir/Generated" -n DatadogKiota.Client \
  -c DatadogClient --exclude-backward-compatible --clean-output > "$work/kiota-generate.log" 2>&1
kiota_generate=$(echo "$(date +%s.%N) - $start" | bc)
cat > "$kiota_dir/KiotaClient.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <!-- Kiota's output builds with warnings (obsolete members, name hiding); counted, not failed. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="$kiota_runtime_version" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="$kiota_runtime_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="$kiota_runtime_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="$kiota_runtime_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="$kiota_runtime_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="$kiota_runtime_version" />
  </ItemGroup>
</Project>
XML
kiota_touch="$kiota_dir/Generated/DatadogClient.cs"

# --- DatadogGen ----------------------------------------------------------------------------------------------------
gen_dir="$work/datadoggen"
mkdir -p "$gen_dir"
cat > "$gen_dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/build/DatadogGen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/DatadogGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/DatadogGen.Runtime.csproj" />
    <AdditionalFiles Include="$spec" />
  </ItemGroup>
</Project>
XML
cat > "$gen_dir/Anchor.cs" <<'CS'
namespace Consumer;

public static class Anchor
{
    public static string Name => "consumer";
}
CS
gen_touch="$gen_dir/Anchor.cs"

# --- Warm-up: restore, dependencies, first build ---------------------------------------------------------------------
for project in "$kiota_dir/KiotaClient.csproj" "$gen_dir/Consumer.csproj"; do
  dotnet build "$project" -c Release -nologo > "$work/warmup-$(basename "$project" .csproj).log" 2>&1 \
    || { echo "warm-up build of $project failed, see $work/warmup-$(basename "$project" .csproj).log" >&2; exit 1; }
done

# --- Measured rebuilds -----------------------------------------------------------------------------------------------
best_wall_kiota=999999; best_rss_kiota=999999999; best_wall_gen=999999; best_rss_gen=999999999
measure() { # $1 = name, $2 = project, $3 = file to touch, $4 = run
  touch "$3"
  local before; before=$(load)
  /usr/bin/time -v -o "$work/time-$1-$4.txt" dotnet build "$2" -c Release -nologo --no-restore --no-dependencies \
    -m:1 -nodeReuse:false -p:UseSharedCompilation=false > "$work/build-$1-$4.log" 2>&1 \
    || { echo "rebuild of $1 failed, see $work/build-$1-$4.log" >&2; exit 1; }
  local wall rss seconds
  wall=$(grep "Elapsed (wall clock)" "$work/time-$1-$4.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time-$1-$4.txt" | awk '{print $NF}')
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  echo "run $4, $1: wall ${seconds} s, peak RSS $((rss / 1024)) MiB (load before: $before, after: $(load))" >&2
  echo "$seconds $rss"
}

for run in $(seq 1 "$runs"); do
  read -r wall rss < <(measure kiota "$kiota_dir/KiotaClient.csproj" "$kiota_touch" "$run")
  if (( $(echo "$wall < $best_wall_kiota" | bc) )); then best_wall_kiota=$wall; fi
  if (( rss < best_rss_kiota )); then best_rss_kiota=$rss; fi
  read -r wall rss < <(measure datadoggen "$gen_dir/Consumer.csproj" "$gen_touch" "$run")
  if (( $(echo "$wall < $best_wall_gen" | bc) )); then best_wall_gen=$wall; fi
  if (( rss < best_rss_gen )); then best_rss_gen=$rss; fi
done

count() { # $1 = dir, $2 = name pattern: "files lines"
  local files lines
  files=$(find "$1" -name "$2" | wc -l)
  lines=$(find "$1" -name "$2" -print0 | xargs -0 cat | wc -l)
  echo "$files $lines"
}
read -r kiota_files kiota_lines < <(count "$kiota_dir/Generated" '*.cs')
read -r gen_files gen_lines < <(count "$gen_dir/obj/Release/net10.0/generated" '*.g.cs')

ratio() { echo "scale=2; $1 / $2" | bc; }
echo
echo "Kiota $kiota_version generated the client in ${kiota_generate} s (not part of its compile time below)."
echo
echo "## All of v2, rebuild of the client project only (best of $runs)"
echo
echo "| | compile wall | peak RSS | generated files | generated lines |"
echo "|---|---:|---:|---:|---:|"
echo "| DatadogGen (generator included) | ${best_wall_gen} s | $((best_rss_gen / 1024)) MiB | $gen_files | $gen_lines |"
echo "| Kiota $kiota_version | ${best_wall_kiota} s | $((best_rss_kiota / 1024)) MiB | $kiota_files | $kiota_lines |"
echo "| ratio DatadogGen / Kiota | $(ratio "$best_wall_gen" "$best_wall_kiota")x | $(ratio "$best_rss_gen" "$best_rss_kiota")x | $(ratio "$gen_files" "$kiota_files")x | $(ratio "$gen_lines" "$kiota_lines")x |"
echo
echo "Logs and projects are in $work (delete it when done)."
