using System;
using System.Collections.Generic;
using System.Linq;

namespace DatadogGen.Generator.Tests.Fuzzing;

internal enum MutationKind
{
    DeleteKey,
    SwapType,
    ReplaceNode,
    BreakRef,
    AddCycle,
    InjectSchemaName,
    InjectPropertyName,
    InjectEnumValue,
    InjectOperationId,
    InjectTag,
    EmptyEnum,
    DuplicateOperationId,
    DuplicateProperty,
    LongString,
    DeepNesting,
}

/// <summary>
/// One random change to a spec tree, described in words for the failure report. Every mutation picks its
/// target from the tree as it is, so mutations compose.
/// </summary>
internal sealed partial class SpecMutator(MapNode document, Random random)
{
    private static readonly string[] Types = { "string", "object", "array", "number", "integer", "boolean", "null", "foo" };

    public static readonly MutationKind[] AllKinds = Enum.GetValues<MutationKind>();

    public string Apply(MutationKind kind) => kind switch
    {
        MutationKind.DeleteKey => DeleteKey(),
        MutationKind.SwapType => SwapType(),
        MutationKind.ReplaceNode => ReplaceNode(),
        MutationKind.BreakRef => BreakRef(),
        MutationKind.AddCycle => AddCycle(),
        MutationKind.InjectSchemaName => InjectSchemaName(),
        MutationKind.InjectPropertyName => InjectPropertyName(),
        MutationKind.InjectEnumValue => InjectEnumValue(),
        MutationKind.InjectOperationId => InjectOperationId(),
        MutationKind.InjectTag => InjectTag(),
        MutationKind.EmptyEnum => EmptyEnum(),
        MutationKind.DuplicateOperationId => DuplicateOperationId(),
        MutationKind.DuplicateProperty => DuplicateProperty(),
        MutationKind.LongString => LongString(),
        MutationKind.DeepNesting => DeepNesting(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private string DeleteKey()
    {
        var maps = Nodes().Where(node => node.Node is MapNode { Entries.Count: > 0 }).ToList();
        var target = Pick(maps);
        var map = (MapNode)target.Node;
        var index = random.Next(map.Entries.Count);
        var key = map.Entries[index].Key;
        map.Entries.RemoveAt(index);
        return $"deleted {target.Path}/{key}";
    }

    private string SwapType()
    {
        var schema = Pick(Schemas().ToList());
        var type = Types[random.Next(Types.Length)];
        var map = (MapNode)schema.Node;
        map["type"] = new ScalarNode(type);
        switch (random.Next(4))
        {
            case 0:
                map["items"] = null;
                break;
            case 1:
                map["format"] = new ScalarNode(new[] { "date-time", "date", "uuid", "int32", "int64", "double", "binary", "email" }[random.Next(8)]);
                break;
        }

        return $"type of {schema.Path} set to {type}";
    }

    /// <summary>A node becomes one of another shape: scalar, null, empty map or list, list of a scalar.</summary>
    private string ReplaceNode()
    {
        var target = Pick(Nodes().Where(node => node.Parent is not null).ToList());
        SpecNode replacement = (target.Node, random.Next(3)) switch
        {
            (ScalarNode, 0) => new MapNode(),
            (ScalarNode, 1) => new SeqNode { Items = { target.Node.Clone() } },
            (MapNode, 0) => new SeqNode(((MapNode)target.Node).Entries.Select(entry => entry.Value.Clone()).Take(3)),
            (SeqNode, 0) => new MapNode(((SeqNode)target.Node).Items.Select((item, index) => new KeyValuePair<string, SpecNode>("k" + index, item.Clone()))),
            (_, 2) => new ScalarNode("null", plain: true),
            _ => random.Next(3) switch { 0 => new ScalarNode("x"), 1 => new ScalarNode("42", plain: true), _ => new ScalarNode("true", plain: true) },
        };
        target.Replace(replacement);
        return $"{target.Path} ({target.Node.GetType().Name}) replaced by {replacement.GetType().Name}";
    }

    private string BreakRef()
    {
        var references = Nodes().Where(node => node.Key == "$ref" && node.Node is ScalarNode).ToList();
        if (references.Count == 0)
        {
            return SwapType();
        }

        var target = Pick(references);
        var reference = (ScalarNode)target.Node;
        var otherKinds = ComponentNames("parameters").Concat(ComponentNames("responses")).ToList();
        var broken = random.Next(9) switch
        {
            0 => "#/components/schemas/DoesNotExist" + random.Next(100),
            1 => "#/components/schemas/",
            2 => "#/components/",
            3 => "#",
            4 => string.Empty,
            5 => "other.yaml#/components/schemas/Elsewhere",
            6 => reference.Value + "/properties/data",
            7 => otherKinds.Count > 0 ? "#/components/schemas/" + Pick(otherKinds) : "#/components/responses/Missing",
            _ => "https://example.com/spec.yaml#/components/schemas/Remote",
        };
        var old = reference.Value;
        reference.Value = broken;
        return $"{target.Path}: '{old}' -> '{broken}'";
    }

    private string AddCycle()
    {
        var names = ComponentNames("schemas").ToList();
        if (names.Count == 0)
        {
            return DeleteKey();
        }

        var first = Pick(names);
        var second = Pick(names);
        var schemas = document.Map("components").Map("schemas");
        switch (random.Next(7))
        {
            case 0:
                AddProperty(first, "self_ref", Ref(first));
                return $"{first}.self_ref -> {first}";
            case 1:
                AddProperty(first, "other", Ref(second));
                AddProperty(second, "back", Ref(first));
                return $"{first}.other -> {second}, {second}.back -> {first}";
            case 2:
                AddProperty(first, "children", new MapNode { Entries = { Entry("type", new ScalarNode("array")), Entry("items", Ref(first)) } });
                return $"{first}.children: array of {first}";
            case 3:
                AddProperty(first, "extra", new MapNode { Entries = { Entry("type", new ScalarNode("object")), Entry("additionalProperties", Ref(first)) } });
                return $"{first}.extra: map of {first}";
            case 4:
                schemas[first] = new MapNode { Entries = { Entry("allOf", new SeqNode { Items = { Ref(second) } }), Entry("properties", new MapNode { Entries = { Entry("next", Ref(first)) } }) } };
                schemas[second] = new MapNode { Entries = { Entry("allOf", new SeqNode { Items = { Ref(first) } }), Entry("type", new ScalarNode("object")) } };
                return $"{first} allOf {second}, {second} allOf {first}";
            case 5:
                schemas[first] = Ref(second);
                schemas[second] = Ref(first);
                return $"{first} is $ref {second}, {second} is $ref {first}";
            default:
                schemas[first] = new MapNode { Entries = { Entry("oneOf", new SeqNode { Items = { Ref(first), new MapNode { Entries = { Entry("type", new ScalarNode("string")) } } } }) } };
                return $"{first} oneOf [{first}, string]";
        }
    }

    private string InjectSchemaName()
    {
        var names = ComponentNames("schemas").ToList();
        if (names.Count == 0)
        {
            return InjectPropertyName();
        }

        var old = Pick(names);
        var hostile = HostileNames.Pick(random, old);
        RenameSchema(old, hostile);
        return $"schema '{old}' renamed '{hostile}'";
    }

    private string InjectPropertyName()
    {
        var withProperties = Schemas().Where(schema => ((MapNode)schema.Node)["properties"] is MapNode { Entries.Count: > 0 }).ToList();
        if (withProperties.Count == 0)
        {
            return InjectEnumValue();
        }

        var schema = Pick(withProperties);
        var properties = ((MapNode)schema.Node).Map("properties");
        var index = random.Next(properties.Entries.Count);
        var old = properties.Entries[index].Key;
        var hostile = HostileNames.Pick(random, old);
        properties.Entries[index] = Entry(hostile, properties.Entries[index].Value);
        if (((MapNode)schema.Node)["required"] is SeqNode required)
        {
            foreach (var item in required.Items.OfType<ScalarNode>().Where(item => item.Value == old))
            {
                item.Value = hostile;
            }
        }

        return $"{schema.Path}/properties/{old} renamed '{hostile}'";
    }

    private string InjectEnumValue()
    {
        var enums = Nodes().Where(node => node.Key == "enum" && node.Node is SeqNode { Items.Count: > 0 }).ToList();
        if (enums.Count == 0)
        {
            return InjectOperationId();
        }

        var target = Pick(enums);
        var items = ((SeqNode)target.Node).Items;
        var index = random.Next(items.Count);
        var old = items[index] is ScalarNode scalar ? scalar.Value : "?";
        var hostile = HostileNames.Pick(random, old);
        items[index] = random.Next(4) == 0 ? new ScalarNode(random.Next(2) == 0 ? "7" : "null", plain: true) : new ScalarNode(hostile);
        return $"{target.Path}[{index}] '{old}' -> {SpecWriter.Quote(items[index] is ScalarNode value ? value.Value : hostile)}";
    }

    private string InjectOperationId()
    {
        var (path, method, operation) = Pick(SpecSlicer.Operations(document).ToList());
        var old = operation["operationId"] is ScalarNode id ? id.Value : string.Empty;
        var hostile = HostileNames.Pick(random, old);
        operation["operationId"] = new ScalarNode(hostile);
        return $"{method} {path}: operationId '{old}' -> '{hostile}'";
    }

    private string InjectTag()
    {
        var (path, method, operation) = Pick(SpecSlicer.Operations(document).ToList());
        var old = operation["tags"] is SeqNode { Items.Count: > 0 } tags && tags.Items[0] is ScalarNode tag ? tag.Value : string.Empty;
        var hostile = HostileNames.Pick(random, old);
        operation["tags"] = random.Next(5) == 0 ? new SeqNode() : new SeqNode { Items = { new ScalarNode(hostile) } };
        return $"{method} {path}: tag '{old}' -> '{hostile}'";
    }

    private string EmptyEnum()
    {
        var enums = Nodes().Where(node => node.Key == "enum").ToList();
        if (enums.Count > 0)
        {
            var target = Pick(enums);
            target.Replace(new SeqNode());
            return $"{target.Path} emptied";
        }

        var schema = Pick(Schemas().ToList());
        ((MapNode)schema.Node)["enum"] = new SeqNode();
        return $"{schema.Path}/enum: [] added";
    }

    private string DuplicateOperationId()
    {
        var operations = SpecSlicer.Operations(document).ToList();
        var (path, method, operation) = Pick(operations);
        var id = operation["operationId"] is ScalarNode scalar ? scalar.Value : "Duplicated";
        if (operations.Count > 1 && random.Next(2) == 0)
        {
            var other = Pick(operations.Where(candidate => !ReferenceEquals(candidate.Operation, operation)).ToList());
            other.Operation["operationId"] = new ScalarNode(random.Next(2) == 0 ? id : HostileNames.CollidingSpelling(random, id));
            return $"{other.Method} {other.Path} gets operationId of {method} {path} ('{id}')";
        }

        var copyPath = path.TrimEnd('/') + "/copy" + random.Next(10);
        document.Map("paths")[copyPath] = new MapNode { Entries = { Entry(method, operation.Clone()) } };
        return $"{method} {path} copied to {copyPath} with the same operationId '{id}'";
    }

    private string DuplicateProperty()
    {
        var withProperties = Schemas().Where(schema => ((MapNode)schema.Node)["properties"] is MapNode { Entries.Count: > 0 }).ToList();
        if (withProperties.Count == 0)
        {
            return DuplicateOperationId();
        }

        var schema = Pick(withProperties);
        var properties = ((MapNode)schema.Node).Map("properties");
        var (key, value) = properties.Entries[random.Next(properties.Entries.Count)];
        // A literal duplicate key is invalid YAML/JSON; a different spelling is valid and collides in C#.
        var duplicate = random.Next(4) == 0 ? key : HostileNames.CollidingSpelling(random, key);
        properties.Entries.Add(Entry(duplicate, value.Clone()));
        return $"{schema.Path}/properties: '{duplicate}' added beside '{key}'";
    }

    private string LongString()
    {
        switch (random.Next(5))
        {
            case 0:
            {
                var target = Pick(Nodes().Where(node => node.Key is "description" or "summary" or "example").ToList());
                // The reader refuses scalars over 65,536 characters (DDG012): mostly stay below, sometimes not.
                var length = random.Next(4) == 0 ? random.Next(65_537, 200_000) : random.Next(1_000, 65_000);
                target.Replace(new ScalarNode(HostileNames.Long(random, length)));
                return $"{target.Path} is {length} characters";
            }

            case 1:
            {
                var length = random.Next(400, 1_100);
                var old = ComponentNames("schemas").FirstOrDefault();
                if (old is null)
                {
                    return InjectPropertyName();
                }

                var name = HostileNames.Long(random, length);
                RenameSchema(old, name);
                return $"schema '{old}' renamed to {length} characters";
            }

            case 2:
            {
                var (path, method, operation) = Pick(SpecSlicer.Operations(document).ToList());
                var length = random.Next(400, 1_100);
                operation["operationId"] = new ScalarNode(HostileNames.Long(random, length));
                return $"{method} {path}: operationId of {length} characters";
            }

            default:
            {
                var schema = Pick(Schemas().ToList());
                var length = random.Next(400, 1_100);
                var properties = ((MapNode)schema.Node)["properties"] as MapNode ?? new MapNode();
                ((MapNode)schema.Node)["properties"] = properties;
                properties.Entries.Add(Entry(random.Next(2) == 0 ? HostileNames.Long(random, length) : "p", new MapNode
                {
                    Entries = { Entry("type", new ScalarNode("string")), Entry("enum", new SeqNode { Items = { new ScalarNode(HostileNames.Long(random, length)), new ScalarNode("b") } }) },
                }));
                return $"{schema.Path}: a property or enum value of {length} characters";
            }
        }
    }

    private string DeepNesting()
    {
        var schema = Pick(Schemas().ToList());
        var depth = random.Next(5, 90);
        var way = random.Next(3);
        SpecNode inner = new MapNode { Entries = { Entry("type", new ScalarNode("string")) } };
        for (var level = 0; level < depth; level++)
        {
            inner = way switch
            {
                0 => new MapNode { Entries = { Entry("type", new ScalarNode("object")), Entry("properties", new MapNode { Entries = { Entry("deep", inner) } }) } },
                1 => new MapNode { Entries = { Entry("type", new ScalarNode("array")), Entry("items", inner) } },
                _ => new MapNode { Entries = { Entry("allOf", new SeqNode { Items = { inner } }) } },
            };
        }

        var map = (MapNode)schema.Node;
        var properties = map["properties"] as MapNode ?? new MapNode();
        map["properties"] = properties;
        properties["nested"] = inner;
        return $"{schema.Path}/properties/nested: {depth} levels of {(way == 0 ? "objects" : way == 1 ? "arrays" : "allOf")}";
    }
}
