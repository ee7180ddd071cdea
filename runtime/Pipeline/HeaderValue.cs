namespace DatadogGen.Pipeline;

/// <summary>Checks values that end up in HTTP headers.</summary>
internal static class HeaderValue
{
    /// <summary>
    /// True when the value holds CR, LF or another control character: sent as-is they could split the header
    /// and inject new ones, and HttpClient would reject most of them with a message quoting the value.
    /// </summary>
    public static bool ContainsControlCharacter(string value)
    {
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
