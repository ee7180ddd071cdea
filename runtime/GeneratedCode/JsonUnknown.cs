using System.Collections;
using System.ComponentModel;

namespace DatadogGen.GeneratedCode;

/// <summary>Whether a value a union holds, of whatever type, is not what the spec promised.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonUnknown
{
    /// <summary>True for an unparsed model, union or unknown enum value, or a list or map holding one.</summary>
    /// <param name="value">The value; null and scalars are known.</param>
    /// <returns>Whether anything in it is unknown.</returns>
    public static bool Contains(object? value)
    {
        switch (value)
        {
            case IJsonModel model:
                return model.IsUnparsed;
            case IDictionary map:
                foreach (var entry in map.Values)
                {
                    if (Contains(entry))
                    {
                        return true;
                    }
                }

                return false;
            case IList list:
                foreach (var item in list)
                {
                    if (Contains(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
