namespace DatadogGen.Generator.Tests;

/// <summary>The smallest spec around a few schemas: one GET returning schema A.</summary>
internal static class MiniSpec
{
    public const string Path = "/project/mini.yaml";

    /// <summary><paramref name="schemas"/> is YAML for components/schemas, each schema indented by four spaces.</summary>
    public static string WithSchemas(string schemas, string responseSchema = "A") =>
        "openapi: 3.0.0\n"
        + "info: {title: mini, version: '1'}\n"
        + "paths:\n"
        + "  /a:\n"
        + "    get:\n"
        + "      operationId: GetA\n"
        + "      tags: [Things]\n"
        + "      responses:\n"
        + "        '200':\n"
        + "          description: ok\n"
        + "          content:\n"
        + "            application/json:\n"
        + "              schema: {$ref: '#/components/schemas/" + responseSchema + "'}\n"
        + "components:\n"
        + "  schemas:\n"
        + schemas;
}
