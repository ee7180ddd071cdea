using System;
using System.Linq;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// A four-operation spec for consumer builds that select some of its operations, and the C# that calls a selection:
/// the operations take no arguments and return nothing, so a call is just the name.
/// </summary>
internal static class WidgetSpec
{
    public const string ApiClass = "WidgetsApi";

    public const string Yaml = """
        openapi: 3.0.0
        info: {title: widgets, version: '1'}
        paths:
          /widgets:
            get: {operationId: ListWidgets, tags: [Widgets], responses: {'204': {description: ok}}}
            post: {operationId: CreateWidget, tags: [Widgets], responses: {'204': {description: ok}}}
            delete: {operationId: DeleteWidget, tags: [Widgets], responses: {'204': {description: ok}}}
          /widgets/archive:
            post: {operationId: ArchiveWidget, tags: [Widgets], responses: {'204': {description: ok}}}

        """;

    /// <summary>A class in <paramref name="namespace"/> that calls each named operation of its WidgetsApi.</summary>
    public static string Calls(string @namespace, params string[] operations) => $$"""
        namespace {{@namespace}}.Usage
        {
            public static class Calls
            {
                public static System.Threading.Tasks.Task[] All({{@namespace}}.{{ApiClass}} api) =>
                    [{{string.Join(", ", operations.Select(operation => "api." + operation + "Async()"))}}];
            }
        }

        """;

    /// <summary>The methods the API class has for these operations (sorted by name, as the assertions compare).</summary>
    public static string[] Methods(params string[] operations) =>
        operations.SelectMany(operation => new[] { operation + "Async", operation + "WithHttpInfoAsync" }).Order(StringComparer.Ordinal).ToArray();
}
