# The consumer project of the compile scripts (measure-compile, measure-generated, measure-small, measure-app-edit),
# written one way so that their numbers compare: this repository's generator and runtime referenced the way the
# DatadogGen package brings them to a user (DatadogGen.props, the generator as an analyzer, the runtime), nullable
# on, warnings as errors. Sourced; needs $repo.
#
#   write_consumer_project FILE OUTPUT_TYPE ITEMS   ITEMS: lines for the project's ItemGroup, e.g. from spec_items
#   spec_items SPEC OPERATIONS [NAMESPACE]          the generator and the spec as AdditionalFiles ('' = all operations)
#
# The generated files are written under obj/.../generated (to be counted and read) unless the build passes
# $measured_rebuild (-p:MeasuredRebuild=true): a user's build does not write them, so a timed build does not either.

measured_rebuild="-p:MeasuredRebuild=true"

write_consumer_project() {
  cat > "$1" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/build/DatadogGen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>$2</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles Condition="'\$(MeasuredRebuild)' != 'true'">true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/runtime/DatadogGen.Runtime.csproj" />
$3
  </ItemGroup>
</Project>
XML
}

spec_items() {
  local namespace=""
  [ -n "${3:-}" ] && namespace=" DatadogGenNamespace=\"$3\""
  printf '    <ProjectReference Include="%s" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />\n' \
    "$repo/generator/DatadogGen.Generator.csproj"
  printf '    <AdditionalFiles Include="%s" DatadogGenOperations="%s"%s />\n' "$1" "$2" "$namespace"
}
