using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SharpYaml;
using SharpYaml.Serialization;

namespace DatadogGen.Generator.Tests.Fuzzing;

/// <summary>
/// A spec as a plain, mutable tree the fuzzer can cut and change: maps keep their key order (and may hold a key
/// twice, which is one of the mutations), scalars remember whether they were plain so numbers stay numbers.
/// </summary>
internal abstract class SpecNode
{
    public abstract SpecNode Clone();

    /// <summary>Reads YAML (or JSON, which is YAML) with SharpYaml, the parser the generator's reader uses.</summary>
    public static SpecNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return From(stream.Documents.Single().RootNode);
    }

    private static SpecNode From(YamlNode node) => node switch
    {
        YamlMappingNode map => new MapNode(map.Children.Select(entry => new KeyValuePair<string, SpecNode>(((YamlScalarNode)entry.Key).Value ?? string.Empty, From(entry.Value)))),
        YamlSequenceNode sequence => new SeqNode(sequence.Children.Select(From)),
        YamlScalarNode scalar => new ScalarNode(scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}

internal sealed class MapNode : SpecNode
{
    public MapNode(IEnumerable<KeyValuePair<string, SpecNode>>? entries = null) => Entries = entries?.ToList() ?? new();

    public List<KeyValuePair<string, SpecNode>> Entries { get; }

    public SpecNode? this[string key]
    {
        get => Entries.FirstOrDefault(entry => entry.Key == key).Value;
        set
        {
            var index = Entries.FindIndex(entry => entry.Key == key);
            if (value is null)
            {
                if (index >= 0)
                {
                    Entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                Entries[index] = new(key, value);
            }
            else
            {
                Entries.Add(new(key, value));
            }
        }
    }

    public MapNode Map(string key) => this[key] as MapNode ?? throw new InvalidOperationException($"'{key}' is not a map.");

    public override SpecNode Clone() => new MapNode(Entries.Select(entry => new KeyValuePair<string, SpecNode>(entry.Key, entry.Value.Clone())));
}

internal sealed class SeqNode : SpecNode
{
    public SeqNode(IEnumerable<SpecNode>? items = null) => Items = items?.ToList() ?? new();

    public List<SpecNode> Items { get; }

    public override SpecNode Clone() => new SeqNode(Items.Select(item => item.Clone()));
}

internal sealed class ScalarNode(string value, bool plain = false) : SpecNode
{
    public string Value { get; set; } = value;

    /// <summary>Written without quotes (when it is a number, bool or null), so it keeps its YAML type.</summary>
    public bool Plain { get; } = plain;

    public override SpecNode Clone() => new ScalarNode(Value, Plain);
}
