using System;
using Xunit.Abstractions;

namespace DatadogGen.FullSpec.Tests;

/// <summary>
/// A recording's name (a cassette, a conformance scenario) as a theory argument: xunit shows ToString() in full,
/// where it would cut a plain string argument to 50 characters, and several names only differ after that.
/// </summary>
public sealed class RecordingName : IXunitSerializable
{
    [Obsolete("For xunit's deserializer only.")]
    public RecordingName()
    {
        Name = "";
    }

    public RecordingName(string name)
    {
        Name = name;
    }

    public string Name { get; private set; }

    public void Deserialize(IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

    public override string ToString() => Name;
}
