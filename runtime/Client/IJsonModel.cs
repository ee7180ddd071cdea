namespace DatadogGen;

/// <summary>
/// A generated model, enum or union. Datadog's responses sometimes bend the spec (a required property missing, a
/// number sent as a string); such a body is still read, and the value says so here instead of failing the call.
/// </summary>
public interface IJsonModel
{
    /// <summary>
    /// True when the object, or a value inside it, is not what the spec promised: a required property was missing,
    /// a property held another JSON type (its raw value is kept with the additional properties and written back),
    /// an enum value is one the spec does not list, or a union matched none of its variants.
    /// </summary>
    bool IsUnparsed { get; }
}
