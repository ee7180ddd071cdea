using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DatadogGen.Generator;

/// <summary>How spec names become C# identifiers. Every name the emitters write comes through here.</summary>
internal static class Naming
{
    /// <summary>
    /// PascalCase from snake_case, kebab-case, camelCase or SHOUTING_CASE: words are split at punctuation,
    /// all-caps words are lowered after their first letter, mixed-case words keep their inner capitals.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var word in SplitWords(name))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            var rest = word.Substring(1);
            builder.Append(IsAllUpper(word) ? rest.ToLowerInvariant() : rest);
        }

        return ToIdentifier(builder.ToString());
    }

    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name).TrimStart('@', '_');
        if (pascal.Length == 0 || !char.IsLetter(pascal[0]))
        {
            return ToIdentifier("_" + pascal);
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>
    /// A schema or tag name kept as written where it is already a valid identifier, made valid otherwise.
    /// </summary>
    public static string ToTypeName(string name)
    {
        // "_" is a valid identifier, but "obj is _ other" reads it as a discard.
        if (name == "_")
        {
            return "Underscore";
        }

        // A keyword, even a contextual one, is capitalized rather than escaped: a type named @var would capture
        // every "var" in the generated code, and "record(" parses as a declaration.
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
        {
            return ToIdentifier(char.ToUpperInvariant(name[0]) + name.Substring(1));
        }

        return SyntaxFacts.IsValidIdentifier(name) ? name : ToPascalCase(name);
    }

    /// <summary>Drops characters C# does not allow and guards a leading digit and keywords.</summary>
    public static string ToIdentifier(string candidate)
    {
        var builder = new StringBuilder(candidate.Length);
        foreach (var character in candidate)
        {
            if (SyntaxFacts.IsIdentifierPartCharacter(character))
            {
                builder.Append(character);
            }
        }

        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return EscapeKeyword(builder.ToString());
    }

    /// <summary>Returns <paramref name="name"/> or, when taken, the first free <c>name2</c>, <c>name3</c>, ...</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.VarKeyword
            ? "@" + identifier
            : identifier;

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new StringBuilder();
        foreach (var character in name)
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsAllUpper(string word)
    {
        foreach (var character in word)
        {
            if (char.IsLower(character))
            {
                return false;
            }
        }

        return true;
    }
}
