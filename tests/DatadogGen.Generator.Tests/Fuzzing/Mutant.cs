using System;
using System.Collections.Generic;
using System.Linq;

namespace DatadogGen.Generator.Tests.Fuzzing;

/// <summary>One fuzzed spec: everything needed to run it and, on failure, to reproduce it.</summary>
internal sealed record Mutant(int Index, string Origin, string Path, string Namespace, string Text, IReadOnlyList<MutationKind> Kinds, IReadOnlyList<string> Changes)
{
    /// <summary>
    /// Mutant <paramref name="index"/> of a run seeded with <paramref name="seed"/>. Each mutant has its own
    /// Random, so any one of them can be rebuilt alone, and in any order.
    /// </summary>
    public static Mutant Create(int seed, int index, MapNode postmortem, MapNode? realSpec)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        MapNode document;
        string origin;
        if (realSpec is not null && index % 5 < 3)
        {
            var operationCount = 1 + random.Next(3);
            document = SpecSlicer.Slice(realSpec, random, operationCount);
            origin = "slice of openapi-v2.yaml: " + string.Join(", ", SpecSlicer.Operations(document).Select(operation => operation.Operation["operationId"] is ScalarNode id ? id.Value : operation.Path));
        }
        else
        {
            document = (MapNode)postmortem.Clone();
            origin = "specs/create-postmortem-attachment.yaml";
        }

        var mutator = new SpecMutator(document, random);
        var kinds = new List<MutationKind>();
        var changes = new List<string>();
        var count = 1 + random.Next(3);
        for (var step = 0; step < count; step++)
        {
            // The first mutation cycles through every kind, so each is exercised evenly whatever the count.
            var kind = step == 0 ? SpecMutator.AllKinds[index % SpecMutator.AllKinds.Length] : SpecMutator.AllKinds[random.Next(SpecMutator.AllKinds.Length)];
            kinds.Add(kind);
            try
            {
                changes.Add(kind + ": " + mutator.Apply(kind));
            }
            catch (SpecMutator.NoTargetException)
            {
                changes.Add(kind + ": (no target left)");
            }
        }

        var json = random.Next(4) == 0;
        var text = json ? SpecWriter.ToJson(document) : SpecWriter.ToYaml(document);
        var path = $"/fuzz/mutant-{index}{(json ? ".json" : ".yaml")}";
        return new Mutant(index, origin, path, "Fuzz.M" + index, text, kinds.Distinct().ToList(), changes);
    }
}
