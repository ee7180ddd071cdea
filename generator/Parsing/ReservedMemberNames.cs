namespace DatadogGen.Generator.Parsing;

// Members the emitters add to generated types; spec names that would clash get a numeric suffix instead.
internal static class ModelMemberNames
{
    public static readonly string[] Reserved = { "AdditionalProperties", "IsUnparsed", "ReadJson", "WriteJson", "ContainsUnknownValues", "ToString", "Equals", "GetHashCode", "GetType" };
}

internal static class EnumMemberNames
{
    public static readonly string[] Reserved = { "IsKnown", "IsKnownJson", "ReadJson", "WriteJson", "ContainsUnknownValues", "ToString", "Equals", "GetHashCode", "GetType" };
}

internal static class UnionMemberNames
{
    public static readonly string[] Reserved = { "Value", "IsUnparsed", "UnparsedObject", "ReadJson", "WriteJson", "ContainsUnknownValues", "ToString", "Equals", "GetHashCode", "GetType" };
}

// Types and the namespace the emitters add next to the schemas' types.
internal static class GeneratedTypeNames
{
    public static readonly string[] Reserved =
    {
        "DatadogJson", "DatadogUnstableOperations", "Serialization",

        // A type may not be named like one of its own members (CS0542), and every generated type has these.
        "AdditionalProperties", "ReadJson", "WriteJson", "ContainsUnknownValues", "IsKnown", "IsUnparsed",
        "UnparsedObject", "Value", "ToString", "Equals", "GetHashCode", "GetType",
    };
}
