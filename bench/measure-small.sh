#!/usr/bin/env bash
# A small selection from Datadog's full v2 spec stays fast: one operation, and the whole Incidents tag (its 56
# operations), each built cold and then after a one-line C# edit.
#
#   bash bench/measure-small.sh            # spec: ../shared/datadog/openapi-v2.yaml (or $DATADOGGEN_V2_SPEC)
#
# A throwaway class library per case (this repo's generator as analyzer, its runtime, the spec as AdditionalFiles with
# DatadogGenOperations) is restored and its dependencies built first. "Cold" is then a build of the library alone with
# its obj/Release and bin/Release deleted (the generator reads the whole spec file and emits everything); "after an
# edit" touches its one C# file and builds it again, which reruns the compiler and, inside it, the generator (whose
# pipeline is cached only within one compiler process). Both: `dotnet build --no-restore --no-dependencies -m:1
# -p:UseSharedCompilation=false` under /usr/bin/time -v, as bench/measure-compile.sh measures all of v2.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/bench/consumer-project.sh"
spec="${DATADOGGEN_V2_SPEC:-$repo/../shared/datadog/openapi-v2.yaml}"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
work="$(mktemp -d "${TMPDIR:-/tmp}/datadoggen-small.XXXXXX")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v /usr/bin/time > /dev/null || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
python3 -c 'import yaml' 2> /dev/null || { echo "needs PyYAML: apt-get install python3-yaml" >&2; exit 1; }

load() { cut -d' ' -f1 /proc/loadavg; }

# The Incidents tag's operations, from the spec itself.
incidents=$(python3 - "$spec" <<'PY'
import sys, yaml
document = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(",".join(operation["operationId"] for item in document["paths"].values() for operation in item.values()
               if isinstance(operation, dict) and "Incidents" in operation.get("tags", [])))
PY
)

echo "# measure-small: $(date -u +%Y-%m-%dT%H:%MZ), repo $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo no-git)), spec $spec"
echo

make_library() { # $1 = dir, $2 = DatadogGenOperations
  mkdir -p "$1"
  write_consumer_project "$1/Client.csproj" Library "$(spec_items "$spec" "$2")"
  printf 'namespace Client;\n\npublic static class Anchor\n{\n    public static string Name => "client";\n}\n' > "$1/Anchor.cs"
  dotnet build "$1/Client.csproj" -c Release -nologo > "$1/warmup.log" 2>&1 || { echo "warm-up of $1 failed, see $1/warmup.log" >&2; exit 1; }
}

build() { # $1 = dir, $2 = label: prints "seconds MiB"
  local before; before=$(load)
  /usr/bin/time -v -o "$1/time-$2.txt" dotnet build "$1/Client.csproj" -c Release -nologo --no-restore --no-dependencies \
    -m:1 -nodeReuse:false -p:UseSharedCompilation=false > "$1/build-$2.log" 2>&1 || { echo "build $2 of $1 failed" >&2; exit 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$1/time-$2.txt" | awk '{print $NF}' | awk -F: '{ print $1 * 60 + $2 }')
  rss=$(grep "Maximum resident set size" "$1/time-$2.txt" | awk '{print $NF}')
  echo "$1 $2: ${wall} s, $((rss / 1024)) MiB (load before: $before)" >&2
  echo "$wall $((rss / 1024))"
}

rows=()
for case in one incidents; do
  dir="$work/$case"
  if [ "$case" = one ]; then operations=CreateIncidentPostmortemAttachment; else operations="$incidents"; fi
  make_library "$dir" "$operations"
  rm -rf "$dir/obj/Release" "$dir/bin/Release"
  dotnet restore "$dir/Client.csproj" > /dev/null
  read -r cold_wall cold_rss < <(build "$dir" cold)
  touch "$dir/Anchor.cs"
  read -r edit_wall edit_rss < <(build "$dir" edit)
  lines=$(find "$dir/obj/Release/net10.0/generated" -name '*.g.cs' -print0 | xargs -0 cat | wc -l)
  count=$(echo "$operations" | tr ',' '\n' | wc -l)
  rows+=("| $case ($count operation(s)) | $lines | ${cold_wall} s, ${cold_rss} MiB | ${edit_wall} s, ${edit_rss} MiB |")
done

echo
echo "| selection from all of v2 | generated lines | cold build of the library | rebuild after a C# edit |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Projects and logs are in $work (delete it when done)."
