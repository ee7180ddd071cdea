namespace DatadogGen.Generator.Parsing;

// Members the emitters add to generated types; spec names that would clash get a numeric suffix instead.
internal static class ModelMemberNames
{
    public static readonly string[] Reserved =
    {
        "AdditionalProperties", "IsUnparsed", "ReadJson", "WriteJson", "ToString", "Equals", "GetHashCode", "GetType",

        // ApiModel's members for the generated code: a property of the same name would hide them.
        "JsonShape", "ReadProperty", "WriteProperties", "IsSet", "MarkPresent", "ReadObject", "WriteObject", "ReadValue", "ReadList",
        "ReadMap", "ReadStringList", "ReadStringMap", "ReadAnyMap", "ReadAny", "ReadDate", "ReadDateTime", "WriteValue",
        "WriteEnum", "WriteList", "WriteMap", "WriteStringList", "WriteStringMap", "WriteAnyMap", "WriteAny",
        "WriteBoolean", "WriteInt32", "WriteInt64", "WriteSingle", "WriteDouble", "WriteGuid", "WriteDate", "WriteDateTime",
    };
}

internal static class EnumMemberNames
{
    public static readonly string[] Reserved = { "IsKnown", "ReadJson", "WriteJson", "ToString", "Equals", "GetHashCode", "GetType" };
}

internal static class UnionMemberNames
{
    public static readonly string[] Reserved = { "Value", "IsUnparsed", "UnparsedObject", "ReadJson", "WriteJson", "ToString", "Equals", "GetHashCode", "GetType" };
}

// Types and the namespace the emitters add next to the schemas' types.
internal static class GeneratedTypeNames
{
    public static readonly string[] Reserved =
    {
        "DatadogJson", "DatadogRegistrations",

        // A type may not be named like one of its own members (CS0542), and every generated type has these.
        "AdditionalProperties", "ReadJson", "WriteJson", "IsKnown", "IsUnparsed",
        "UnparsedObject", "Value", "ToString", "Equals", "GetHashCode", "GetType",
    };
}
