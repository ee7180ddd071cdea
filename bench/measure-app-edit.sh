#!/usr/bin/env bash
# What a one-line edit of an app's own code costs when the app uses all of Datadog's v2 API, in two layouts:
#
#   one-project: the spec is an AdditionalFiles item of the app itself, so every build of the app compiles the
#                generated client again (a source generator's output is part of the compilation that holds it);
#   client-library: the spec is in a small class library of its own that the app references (the layout
#                docs/getting-started.md leads to once a selection grows), so an edit of the app recompiles the
#                app alone and the library stays up to date.
#
#   bench/measure-app-edit.sh          # spec: ../shared/datadog/openapi-v2.yaml (or $DATADOGGEN_V2_SPEC)
#
# Each layout is built once to warm up (restore, generator, runtime), then Program.cs gets a one-line edit and
# the app is rebuilt with plain `dotnet build`, as a user or the IDE's build would: with its references, on the
# compiler server. Takes ~5 minutes on 2 cores.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/bench/consumer-project.sh"
spec="${DATADOGGEN_V2_SPEC:-$repo/../shared/datadog/openapi-v2.yaml}"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
work="$(mktemp -d "${TMPDIR:-/tmp}/datadoggen-app-edit.XXXXXX")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server="-p:SharedCompilationId=datadoggen-app-edit-$$"

echo "# measure-app-edit: $(date -u +%Y-%m-%dT%H:%MZ), repo $repo ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo no-git)), spec $spec"
echo "# work dir: $work"
echo

generator_items="$(spec_items "$spec" "" Tool.Datadog)"

write_program() { # $1 = file, $2 = the line that the edit changes
  cat > "$1" <<CS
using Tool.Datadog;

var configuration = new DatadogGen.Configuration();
using var client = new DatadogGen.ApiClient(configuration);
var incidents = new IncidentsApi(client);
System.Console.WriteLine(incidents.GetType().Name + " $2");
CS
}

measure() { # $1 = layout name, $2 = app project file
  local app_dir; app_dir="$(dirname "$2")"
  echo "## $1"
  local start; start=$(date +%s.%N)
  dotnet build "$2" -c Release -nologo -v:q "$server" "$measured_rebuild" > "$app_dir/warm.log" 2>&1 || { cat "$app_dir/warm.log"; exit 1; }
  echo "warm-up build: $(echo "$(date +%s.%N) - $start" | bc) s"
  for edit in 1 2; do
    write_program "$app_dir/Program.cs" "edit $edit"
    start=$(date +%s.%N)
    dotnet build "$2" -c Release -nologo -v:q "$server" "$measured_rebuild" > "$app_dir/edit$edit.log" 2>&1 || { cat "$app_dir/edit$edit.log"; exit 1; }
    local wall; wall=$(echo "$(date +%s.%N) - $start" | bc)
    echo "rebuild after one-line edit $edit of Program.cs: $wall s (1-minute load average $(cut -d' ' -f1 /proc/loadavg))"
    results+=("| $1 | edit $edit | $wall s |")
  done
  echo
}

results=()

mkdir -p "$work/one-project/App"
write_consumer_project "$work/one-project/App/App.csproj" Exe "$generator_items"
write_program "$work/one-project/App/Program.cs" "edit 0"
measure "one-project" "$work/one-project/App/App.csproj"

mkdir -p "$work/client-library/Client" "$work/client-library/App"
write_consumer_project "$work/client-library/Client/Client.csproj" Library "$generator_items"
write_consumer_project "$work/client-library/App/App.csproj" Exe "    <ProjectReference Include=\"../Client/Client.csproj\" />"
write_program "$work/client-library/App/Program.cs" "edit 0"
measure "client-library" "$work/client-library/App/App.csproj"

echo "## Summary: dotnet build of the app after a one-line edit of its own code (all of v2 selected)"
echo
echo "| layout | edit | rebuild |"
echo "|---|---|---:|"
printf '%s\n' "${results[@]}"
echo
echo "Logs are in $work (delete it when done)."
