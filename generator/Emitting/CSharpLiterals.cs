using Microsoft.CodeAnalysis.CSharp;

namespace DatadogGen.Generator.Emitting;

/// <summary>Spec text inside generated code: always through here, so quotes and control characters are escaped.</summary>
internal static class CSharpLiterals
{
    public static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    public static string QuoteUtf8(string text) => Quote(text) + "u8";
}
