using System;

namespace DatadogGen.Generator.Tests.Fuzzing;

/// <summary>Names a spec may hold that C# cannot use as written, or that collide with what generated code uses.</summary>
internal static class HostileNames
{
    private static readonly string[] Whole =
    {
        // C# keywords and contextual keywords.
        "class", "object", "string", "namespace", "void", "int", "default", "new", "this", "base", "event", "operator",
        "params", "ref", "out", "in", "is", "as", "null", "true", "false", "return", "static", "async", "await", "var",
        "value", "get", "set", "init", "required", "record", "global", "dynamic", "nameof", "when", "where", "yield", "field",
        // Leading digits, punctuation, whitespace, non-ASCII.
        "2fa", "123", "0", "1.5", "a.b-c", "a b", "-", "_", "__", "@", "@class", "$", "$ref", "a/b", "a~b", "#x", "x#y",
        "naïve", "日本", "Ω", "é", "e\u0301", "\U0001F389party", "emoji 🎉", "ǅungla", "\u200Bzero", "rtl\u202Eevil", "ß",
        "", " ", "\t", "a\nb", "a\r\nb", "*/", "</summary>", "<br/>", "\"quoted\"", "back\\slash", "{0}", "%s", "#region",
        "// comment", "a'b", "a`b", "null\u0000char",
        // Members every generated type or API class has, and names of the types generated code refers to.
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Dispose", "AdditionalProperties",
        "IsKnown", "IsUnparsed", "UnparsedObject", "ReadJson", "WriteJson", "ContainsUnknownValues", "Value", "Type",
        "System", "Task", "CancellationToken", "List", "Dictionary", "JsonElement", "DatadogJson", "DatadogGen",
        "Serialization", "ApiClient", "ApiResponse", "ApiException", "Configuration", "Api", "Async", "WithHttpInfo",
        "Consumer", "Fuzz", "_data", "has_data", "value", "reader", "writer", "present", "extra", "name", "p0",
        "cancellationToken", "request", "response", "body", "client",
    };

    private static readonly string[] Prefixes = { "2", "class_", "日本", "naïve-", "a.b-", "@", "-", " ", "_", "0x" };

    private static readonly string[] Suffixes = { ".v2", "-", " ", "_", "日本", "!", "?", "()", "[]", "<T>", "2" };

    /// <summary>A hostile name, sometimes whole, sometimes built around <paramref name="original"/>.</summary>
    public static string Pick(Random random, string original) => random.Next(4) switch
    {
        0 or 1 => Whole[random.Next(Whole.Length)],
        2 => Prefixes[random.Next(Prefixes.Length)] + original,
        _ => original + Suffixes[random.Next(Suffixes.Length)],
    };

    /// <summary>Spellings that become the same C# identifier as <paramref name="name"/> once converted.</summary>
    public static string CollidingSpelling(Random random, string name)
    {
        var snake = ToSnake(name);
        var options = new[]
        {
            snake, snake.ToUpperInvariant(), snake.Replace('_', '-'), snake.Replace('_', '.'), snake.Replace('_', ' '),
            char.ToUpperInvariant(name.Length > 0 ? name[0] : 'x') + (name.Length > 1 ? name.Substring(1) : string.Empty),
            ToCamel(snake), name + "_", "_" + name,
        };
        return options[random.Next(options.Length)];
    }

    public static string Long(Random random, int length)
    {
        var chars = new char[length];
        for (var index = 0; index < length; index++)
        {
            chars[index] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    private static string ToSnake(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string ToCamel(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var builder = new System.Text.StringBuilder();
        for (var index = 0; index < parts.Length; index++)
        {
            builder.Append(index == 0 ? parts[index] : char.ToUpperInvariant(parts[index][0]) + parts[index].Substring(1));
        }

        return builder.ToString();
    }
}
