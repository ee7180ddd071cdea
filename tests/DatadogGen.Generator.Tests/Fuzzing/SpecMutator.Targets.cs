using System;
using System.Collections.Generic;
using System.Linq;

namespace DatadogGen.Generator.Tests.Fuzzing;

/// <summary>Finding what to mutate: every node with its place, the schemas, the components.</summary>
internal sealed partial class SpecMutator
{
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal) { "schema", "items", "additionalProperties", "not" };

    private static readonly HashSet<string> CompositionKeys = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf" };

    /// <summary>Thrown when the tree has nothing a mutation could change (everything it needs was deleted).</summary>
    public sealed class NoTargetException() : Exception("nothing to mutate");

    /// <summary>A node and where it sits: its parent, its key (maps) or index (lists), the key its parent sits under.</summary>
    internal sealed record NodeRef(SpecNode Node, SpecNode? Parent, string? Key, int Index, string? ParentKey, string Path)
    {
        public void Replace(SpecNode replacement)
        {
            switch (Parent)
            {
                case MapNode map:
                    map.Entries[Index] = new KeyValuePair<string, SpecNode>(Key!, replacement);
                    break;
                case SeqNode sequence:
                    sequence.Items[Index] = replacement;
                    break;
            }
        }
    }

    public IEnumerable<NodeRef> Nodes()
    {
        var pending = new Stack<NodeRef>();
        pending.Push(new NodeRef(document, null, null, 0, null, string.Empty));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            switch (current.Node)
            {
                case MapNode map:
                    for (var index = 0; index < map.Entries.Count; index++)
                    {
                        var (key, value) = map.Entries[index];
                        pending.Push(new NodeRef(value, map, key, index, current.Key, current.Path + "/" + key));
                    }

                    break;
                case SeqNode sequence:
                    for (var index = 0; index < sequence.Items.Count; index++)
                    {
                        pending.Push(new NodeRef(sequence.Items[index], sequence, null, index, current.Key, current.Path + "/" + index));
                    }

                    break;
            }
        }
    }

    /// <summary>Maps that sit where OpenAPI expects a schema.</summary>
    public IEnumerable<NodeRef> Schemas() => Nodes().Where(node => node.Node is MapNode && (
        (node.Key is not null && SchemaKeys.Contains(node.Key))
        || node.ParentKey is "properties" or "schemas"
        || (node.Parent is SeqNode && node.ParentKey is not null && CompositionKeys.Contains(node.ParentKey))));

    private IEnumerable<string> ComponentNames(string kind) =>
        document["components"] is MapNode components && components[kind] is MapNode map ? map.Entries.Select(entry => entry.Key) : [];

    private T Pick<T>(IReadOnlyList<T> items) => items.Count == 0 ? throw new NoTargetException() : items[random.Next(items.Count)];

    private void AddProperty(string schemaName, string property, SpecNode value)
    {
        var schema = document.Map("components").Map("schemas")[schemaName] as MapNode ?? throw new NoTargetException();
        var properties = schema["properties"] as MapNode ?? new MapNode();
        schema["properties"] = properties;
        properties[property] = value;
    }

    /// <summary>Renames a component schema and every $ref to it (the name JSON-pointer-escaped in refs).</summary>
    private void RenameSchema(string old, string name)
    {
        var schemas = document.Map("components").Map("schemas");
        var index = schemas.Entries.FindIndex(entry => entry.Key == old);
        schemas.Entries[index] = Entry(name, schemas.Entries[index].Value);
        var from = "#/components/schemas/" + old;
        var to = "#/components/schemas/" + name.Replace("~", "~0").Replace("/", "~1");
        foreach (var reference in Nodes().Where(node => node.Key == "$ref").Select(node => node.Node).OfType<ScalarNode>().Where(node => node.Value == from))
        {
            reference.Value = to;
        }
    }

    private static MapNode Ref(string schemaName) =>
        new() { Entries = { Entry("$ref", new ScalarNode("#/components/schemas/" + schemaName.Replace("~", "~0").Replace("/", "~1"))) } };

    private static KeyValuePair<string, SpecNode> Entry(string key, SpecNode value) => new(key, value);
}
