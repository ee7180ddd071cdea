using System;
using System.ComponentModel;
using System.Globalization;

namespace DatadogGen.GeneratedCode;

/// <summary>How path, query and header parameters are spelt on the wire: invariant culture, ISO 8601.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterFormat
{
    /// <summary>Formats a boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire text.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire text.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number with the shortest text that reads back the same.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats an instant as ISO 8601, as Datadog's clients do: <c>2024-11-25T19:38:40.699Z</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire text.</returns>
    public static string Format(DateTimeOffset value) => WireDateTime.Format(value);

    /// <summary>Formats a date as yyyy-MM-dd.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire text.</returns>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a UUID in its hyphenated lowercase form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wire text.</returns>
    public static string Format(Guid value) => value.ToString("D");
}
