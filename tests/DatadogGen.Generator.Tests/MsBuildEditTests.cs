using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// A real consumer project built by the real SDK (the "dotnet" on PATH), as a user would: build, then edit the
/// spec and rebuild, three times. The built assembly must follow every edit, with nothing stale left behind.
/// Each step also rewrites a C# file that calls what the spec now defines, so the compiler proves it exists.
/// </summary>
public sealed class MsBuildEditTests(ITestOutputHelper output)
{
    private const string Namespace = "Consumer.Api";

    [Fact]
    public void Rebuilding_after_each_spec_edit_follows_the_edit_with_no_stale_members()
    {
        using var consumer = new ConsumerProject(output);
        var total = Stopwatch.StartNew();
        consumer.WriteProject(items: """<AdditionalFiles Include="api.yaml" DatadogGenNamespace="Consumer.Api" />""");

        // 1. Two operations and a model.
        Write(consumer, Spec(operations: [ListWidgets, CreateWidget], colorProperty: "color"), "(Widget w) => w.Name + w.Color", "api.ListWidgetsAsync()", "api.CreateWidgetAsync(new Widget())");
        consumer.BuildSucceeds(restore: true);
        var types = consumer.Inspect(Namespace);
        Assert.Equal(["CreateWidgetAsync", "CreateWidgetWithHttpInfoAsync", "ListWidgetsAsync", "ListWidgetsWithHttpInfoAsync"], consumer.AsyncMethods(Namespace, "WidgetsApi"));
        Assert.Contains("Color", types["Widget"].Properties);
        Assert.True(types.ContainsKey("WidgetList"));

        // 2. An operation added: its method appears.
        Write(consumer, Spec(operations: [ListWidgets, CreateWidget, DeleteWidget], colorProperty: "color"), "(Widget w) => w.Name + w.Color", "api.ListWidgetsAsync()", "api.DeleteWidgetAsync(\"id\")");
        consumer.BuildSucceeds();
        Assert.Equal(["CreateWidgetAsync", "CreateWidgetWithHttpInfoAsync", "DeleteWidgetAsync", "DeleteWidgetWithHttpInfoAsync", "ListWidgetsAsync", "ListWidgetsWithHttpInfoAsync"], consumer.AsyncMethods(Namespace, "WidgetsApi"));

        // 3. A property renamed: the old name is gone, the new one is there.
        Write(consumer, Spec(operations: [ListWidgets, CreateWidget, DeleteWidget], colorProperty: "colour"), "(Widget w) => w.Name + w.Colour", "api.ListWidgetsAsync()", "api.DeleteWidgetAsync(\"id\")");
        consumer.BuildSucceeds();
        types = consumer.Inspect(Namespace);
        Assert.Contains("Colour", types["Widget"].Properties);
        Assert.DoesNotContain("Color", types["Widget"].Properties);

        // 4. An operation deleted: its methods are gone, and so is the model only it reached.
        Write(consumer, Spec(operations: [CreateWidget, DeleteWidget], colorProperty: "colour"), "(Widget w) => w.Name + w.Colour", "api.CreateWidgetAsync(new Widget())", "api.DeleteWidgetAsync(\"id\")");
        consumer.BuildSucceeds();
        types = consumer.Inspect(Namespace);
        Assert.Equal(["CreateWidgetAsync", "CreateWidgetWithHttpInfoAsync", "DeleteWidgetAsync", "DeleteWidgetWithHttpInfoAsync"], consumer.AsyncMethods(Namespace, "WidgetsApi"));
        Assert.False(types.ContainsKey("WidgetList"), "WidgetList is only reached by the deleted operation.");

        consumer.Passed();
        output.WriteLine($"four builds in {total.Elapsed.TotalSeconds:F1} s");
    }

    private const string ListWidgets = """
          /widgets:
            get:
              operationId: ListWidgets
              tags: [Widgets]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/WidgetList'}
        """;

    private const string CreateWidget = """
          /widgets/new:
            post:
              operationId: CreateWidget
              tags: [Widgets]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Widget'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Widget'}
        """;

    private const string DeleteWidget = """
          /widgets/{id}:
            delete:
              operationId: DeleteWidget
              tags: [Widgets]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '204':
                  description: deleted
        """;

    private static string Spec(string[] operations, string colorProperty) =>
        "openapi: 3.0.0\ninfo: {title: edits, version: '1'}\npaths:\n" + string.Join("\n", operations) + "\n" + $$$"""
        components:
          schemas:
            Widget:
              type: object
              properties:
                name: {type: string}
                {{{colorProperty}}}: {type: string}
            WidgetList:
              type: object
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Widget'}}

        """;

    /// <summary>The spec, and C# that uses what the spec defines (a property read and two calls).</summary>
    private static void Write(ConsumerProject consumer, string spec, string property, string firstCall, string secondCall)
    {
        consumer.Write("api.yaml", spec);
        consumer.Write("Usage.cs", $$"""
            using System;
            using System.Threading.Tasks;
            using Consumer.Api;

            namespace Consumer;

            public static class Usage
            {
                public static readonly Func<Widget, string?> Read = static {{property}};

                public static Task[] Calls(WidgetsApi api) => [{{firstCall}}, {{secondCall}}];
            }
            """);
    }
}
