using System;
using System.Collections.Generic;
using System.Linq;

namespace DatadogGen.Generator.Tests.Fuzzing;

/// <summary>
/// Cuts a small, valid spec out of a big one: a few operations with every component they reach through $ref
/// (schemas, parameters, responses, ...), the tags they use, and the document's other top-level keys.
/// </summary>
internal static class SpecSlicer
{
    public static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static MapNode Slice(MapNode document, Random random, int operationCount)
    {
        var operations = Operations(document).ToList();
        var chosen = Enumerable.Range(0, operationCount).Select(_ => operations[random.Next(operations.Count)]).Distinct().ToList();

        var paths = new MapNode();
        foreach (var (path, method, operation) in chosen)
        {
            if (paths[path] is not MapNode item)
            {
                // Path-level entries (parameters shared by all methods) come along; other methods do not.
                item = new MapNode(document.Map("paths").Map(path).Entries.Where(entry => !Methods.Contains(entry.Key)).Select(entry => Pair(entry.Key, entry.Value.Clone())));
                paths[path] = item;
            }

            item[method] = operation.Clone();
        }

        var slice = new MapNode();
        foreach (var (key, value) in document.Entries)
        {
            slice.Entries.Add(Pair(key, key switch
            {
                "paths" => paths,
                "components" => Components(document.Map("components"), paths),
                "tags" => UsedTags((SeqNode)value, paths),
                _ => value.Clone(),
            }));
        }

        return slice;
    }

    public static IEnumerable<(string Path, string Method, MapNode Operation)> Operations(MapNode document)
    {
        if (document["paths"] is not MapNode paths)
        {
            yield break;
        }

        foreach (var (path, item) in paths.Entries)
        {
            if (item is not MapNode methods)
            {
                continue;
            }

            foreach (var (method, operation) in methods.Entries)
            {
                if (Methods.Contains(method) && operation is MapNode map)
                {
                    yield return (path, method, map);
                }
            }
        }
    }

    /// <summary>Every component the paths reach, following $refs until no new one turns up; security schemes whole.</summary>
    private static MapNode Components(MapNode components, MapNode paths)
    {
        var kept = new HashSet<(string Kind, string Name)>();
        var pending = new Queue<SpecNode>();
        pending.Enqueue(paths);
        while (pending.Count > 0)
        {
            foreach (var reference in References(pending.Dequeue()))
            {
                var parts = reference.Split('/');
                if (parts.Length == 4 && parts[0] == "#" && parts[1] == "components"
                    && components[parts[2]] is MapNode kind && kind[parts[3]] is { } target && kept.Add((parts[2], parts[3])))
                {
                    pending.Enqueue(target);
                }
            }
        }

        var slice = new MapNode();
        foreach (var (kindName, kind) in components.Entries)
        {
            slice.Entries.Add(Pair(kindName, kindName == "securitySchemes" || kind is not MapNode map
                ? kind.Clone()
                : new MapNode(map.Entries.Where(entry => kept.Contains((kindName, entry.Key))).Select(entry => Pair(entry.Key, entry.Value.Clone())))));
        }

        return slice;
    }

    private static SeqNode UsedTags(SeqNode tags, MapNode paths)
    {
        var used = Operations(new MapNode { Entries = { Pair("paths", paths) } })
            .SelectMany(operation => operation.Operation["tags"] is SeqNode names ? names.Items.OfType<ScalarNode>().Select(name => name.Value) : [])
            .ToHashSet(StringComparer.Ordinal);
        return new SeqNode(tags.Items.Where(tag => tag is MapNode map && map["name"] is ScalarNode name && used.Contains(name.Value)).Select(tag => tag.Clone()));
    }

    public static IEnumerable<string> References(SpecNode node)
    {
        var pending = new Stack<SpecNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case MapNode map:
                    foreach (var (key, value) in map.Entries)
                    {
                        if (key == "$ref" && value is ScalarNode reference)
                        {
                            yield return reference.Value;
                        }
                        else
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case SeqNode sequence:
                    sequence.Items.ForEach(pending.Push);
                    break;
            }
        }
    }

    private static KeyValuePair<string, SpecNode> Pair(string key, SpecNode value) => new(key, value);
}
