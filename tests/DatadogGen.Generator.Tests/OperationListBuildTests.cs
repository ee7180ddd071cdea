using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// DatadogGenOperations in every documented form, built by the real SDK. The generator splits on ';' and ',', but the
/// value reaches it through MSBuild's generated .editorconfig, where ';' starts a comment and a line break ends the
/// value; build/DatadogGen.props rewrites both to ',' first. Only a real build goes through that file, so only a real
/// build can show the whole list arrives. Each consumer also compiles C# that calls every selected operation.
/// </summary>
public sealed class OperationListBuildTests(ITestOutputHelper output)
{
    [Fact]
    public void Metadata_lists_with_semicolons_commas_or_line_breaks_generate_every_named_operation()
    {
        using var consumer = new ConsumerProject(output);
        consumer.WriteProject(items: """
            <AdditionalFiles Include="semicolons.yaml" DatadogGenNamespace="Consumer.Semicolons" DatadogGenOperations="ListWidgets;CreateWidget;DeleteWidget" />
            <AdditionalFiles Include="commas.yaml" DatadogGenNamespace="Consumer.Commas" DatadogGenOperations="ListWidgets,CreateWidget,DeleteWidget" />
            <AdditionalFiles Include="lines.yaml" DatadogGenNamespace="Consumer.Lines">
              <DatadogGenOperations>
                ListWidgets;
                CreateWidget
                DeleteWidget
              </DatadogGenOperations>
            </AdditionalFiles>
            """);
        foreach (var spec in new[] { "semicolons.yaml", "commas.yaml", "lines.yaml" })
        {
            consumer.Write(spec, WidgetSpec.Yaml);
        }

        consumer.Write("Usage.cs", WidgetSpec.Calls("Consumer.Semicolons", "ListWidgets", "CreateWidget", "DeleteWidget")
            + WidgetSpec.Calls("Consumer.Commas", "ListWidgets", "CreateWidget", "DeleteWidget")
            + WidgetSpec.Calls("Consumer.Lines", "ListWidgets", "CreateWidget", "DeleteWidget"));

        consumer.BuildSucceeds(restore: true);

        foreach (var @namespace in new[] { "Consumer.Semicolons", "Consumer.Commas", "Consumer.Lines" })
        {
            Assert.Equal(WidgetSpec.Methods("CreateWidget", "DeleteWidget", "ListWidgets"), consumer.AsyncMethods(@namespace, WidgetSpec.ApiClass));
        }

        consumer.Passed();
    }

    [Fact]
    public void Project_property_lists_with_semicolons_or_across_lines_generate_every_named_operation()
    {
        using var consumer = new ConsumerProject(output);
        const string Items = """<AdditionalFiles Include="api.yaml" DatadogGenNamespace="Consumer.Api" />""";
        consumer.Write("api.yaml", WidgetSpec.Yaml);

        // 1. On one line, ';'-separated.
        consumer.WriteProject(Items, properties: "<DatadogGenOperations>ListWidgets;CreateWidget;DeleteWidget</DatadogGenOperations>");
        consumer.Write("Usage.cs", WidgetSpec.Calls("Consumer.Api", "ListWidgets", "CreateWidget", "DeleteWidget"));
        consumer.BuildSucceeds(restore: true);
        Assert.Equal(WidgetSpec.Methods("CreateWidget", "DeleteWidget", "ListWidgets"), consumer.AsyncMethods("Consumer.Api", WidgetSpec.ApiClass));

        // 2. One name a line, with and without ';' (another selection, so a stale assembly cannot pass).
        consumer.WriteProject(Items, properties: """
            <DatadogGenOperations>
              CreateWidget;
              DeleteWidget
              ArchiveWidget
            </DatadogGenOperations>
            """);
        consumer.Write("Usage.cs", WidgetSpec.Calls("Consumer.Api", "CreateWidget", "DeleteWidget", "ArchiveWidget"));
        consumer.BuildSucceeds();
        Assert.Equal(WidgetSpec.Methods("ArchiveWidget", "CreateWidget", "DeleteWidget"), consumer.AsyncMethods("Consumer.Api", WidgetSpec.ApiClass));

        consumer.Passed();
    }

    [Fact]
    public void A_misspelt_name_among_valid_ones_is_the_only_error_and_the_valid_ones_are_generated()
    {
        using var consumer = new ConsumerProject(output);
        consumer.WriteProject(items: """<AdditionalFiles Include="api.yaml" DatadogGenNamespace="Consumer.Api" DatadogGenOperations="ListWidgets;CreateWidgte;DeleteWidget" />""");
        consumer.Write("api.yaml", WidgetSpec.Yaml);
        // Calls to the two valid names: had either not been generated, the build would also report a CS error.
        consumer.Write("Usage.cs", WidgetSpec.Calls("Consumer.Api", "ListWidgets", "DeleteWidget"));

        var build = consumer.Build(restore: true);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(["DDG004"], build.ErrorCodes);
        Assert.Contains("DatadogGenOperations names 'CreateWidgte', which 'api.yaml' does not define; did you mean 'CreateWidget'?", build.Output, System.StringComparison.Ordinal);
        consumer.Passed();
    }
}
