using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace DatadogGen.GeneratedCode;

/// <summary>The kinds of JSON token a value may start with.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonTokenKinds
{
    /// <summary>No token.</summary>
    None = 0,

    /// <summary>An object.</summary>
    Object = 1,

    /// <summary>An array.</summary>
    Array = 2,

    /// <summary>A string.</summary>
    String = 4,

    /// <summary>A number.</summary>
    Number = 8,

    /// <summary>true or false.</summary>
    Boolean = 16,

    /// <summary>null.</summary>
    Null = 32,

    /// <summary>Any token.</summary>
    Any = Object | Array | String | Number | Boolean | Null,
}

/// <summary>One known property of a <see cref="JsonShape"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonPropertyShape
{
    /// <summary>Creates the shape of a property.</summary>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="kinds">The tokens its value may start with.</param>
    /// <param name="isRequired">Whether a reader rejects an object without it.</param>
    /// <param name="isKnown">
    /// For an enum property: whether a non-null value is one the spec lists. A union does not accept a variant
    /// holding an unknown value, so the shape rules it out without reading the rest.
    /// </param>
    /// <param name="mayReject">
    /// Whether its reader may reject a value of an allowed token kind (a number out of range, a string that is not
    /// a date-time, a list with a bad element), so that a model must be able to go back and keep the value raw.
    /// </param>
    public JsonPropertyShape(string name, JsonTokenKinds kinds, bool isRequired, JsonValueReader<bool>? isKnown = null, bool mayReject = true)
    {
        MayReject = mayReject;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Utf8Name = Encoding.UTF8.GetBytes(name);
        EncodedName = JsonEncodedText.Encode(name);
        Kinds = kinds;
        IsRequired = isRequired;
        IsKnown = isKnown;
    }

    internal JsonValueReader<bool>? IsKnown { get; }

    internal bool MayReject { get; }

    internal string Name { get; }

    // Encoded once, as System.Text.Json's own generator does, so writing skips validation and escaping.
    internal JsonEncodedText EncodedName { get; }

    internal byte[] Utf8Name { get; }

    internal JsonTokenKinds Kinds { get; }

    internal bool IsRequired { get; }
}

/// <summary>
/// What a JSON value must look like for a generated reader to accept it: the token it starts with and, for an
/// object, the token kinds of its known properties, which are required, and which enum values are known. A oneOf union without a discriminator
/// tries every variant; checking the shape first (one pass over the object, no allocation) rules out most
/// variants that would fail, so their readers never throw. It is a necessary condition only: a value that passes
/// can still fail to read, and the union then falls back to trying it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonShape
{
    private readonly JsonTokenKinds _root;
    private readonly JsonPropertyShape[] _properties;
    private readonly ulong _requiredMask;
    private readonly ulong _requiredInline;
    private readonly bool _requiredPastInline;
    private readonly JsonEncodedText[] _encodedNames;
    private readonly Dictionary<ulong, int>? _indexByKey;

    // Which property came after each one (slot 0: first) in the last object read that had them in another order
    // than the spec's. Servers write in an order of their own (Datadog's incident attributes are not in the spec's
    // order) but the same one every time, as System.Text.Json also assumes: once learned, each name is found by one
    // comparison. Readers on several threads may overwrite each other's guess; a wrong guess costs a lookup.
    private readonly int[] _expectedAfter;

    /// <summary>Creates a shape.</summary>
    /// <param name="root">The tokens the value may start with.</param>
    /// <param name="properties">For an object, its known properties; required ones past the 64th are not checked.</param>
    public JsonShape(JsonTokenKinds root, params JsonPropertyShape[] properties)
        : this(string.Empty, root, properties)
    {
    }

    /// <summary>
    /// The shape of a generated model, from one descriptor per property in declaration order: the JSON name, a
    /// colon, the kinds of token its value may start with (<c>o</c>bject, <c>a</c>rray, <c>s</c>tring,
    /// <c>n</c>umber, <c>b</c>oolean, <c>*</c> any; null is always allowed), <c>!</c> when it is required and
    /// <c>~</c> when its reader may reject a value of those kinds (see <see cref="JsonPropertyShape"/>):
    /// <c>"modified:s~"</c>, <c>"data:o!"</c>. A string per property keeps the generated code small.
    /// </summary>
    /// <param name="typeName">The model's name, for error messages.</param>
    /// <param name="properties">The property descriptors.</param>
    public JsonShape(string typeName, params string[] properties)
        : this(typeName, JsonTokenKinds.Object, Parse(properties ?? throw new ArgumentNullException(nameof(properties))))
    {
    }

    private JsonShape(string typeName, JsonTokenKinds root, JsonPropertyShape[] properties)
    {
        TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _root = root;
        _properties = properties ?? throw new ArgumentNullException(nameof(properties));
        for (var index = 0; index < properties.Length; index++)
        {
            if (properties[index].IsRequired)
            {
                _requiredMask |= index < 64 ? 1UL << index : 0;
                _requiredInline |= index < 63 ? 1UL << index : 0;
                _requiredPastInline |= index >= 63;
            }
        }
        _encodedNames = Array.ConvertAll(properties, property => property.EncodedName);
        _expectedAfter = new int[properties.Length + 1];
        for (var slot = 0; slot < _expectedAfter.Length; slot++)
        {
            _expectedAfter[slot] = slot;
        }

        _indexByKey = properties.Length > LinearSearchLimit ? IndexByKey(properties) : null;
    }

    /// <summary>The model's name.</summary>
    internal string TypeName { get; }

    /// <summary>How many known properties the model has.</summary>
    internal int Count => _properties.Length;

    /// <summary>Adds the known-value check of an enum property, for a union's shape check.</summary>
    /// <param name="index">The property's index.</param>
    /// <param name="isKnown">Whether a non-null value at the reader is one the spec lists.</param>
    /// <returns>This shape.</returns>
    public JsonShape WithKnownValues(int index, JsonValueReader<bool> isKnown)
    {
        var property = _properties[index];
        _properties[index] = new JsonPropertyShape(property.Name, property.Kinds, property.IsRequired, isKnown, property.MayReject);
        return this;
    }

    internal ref readonly JsonPropertyShape Property(int index) => ref _properties[index];

    /// <summary>The JSON name of the property at <paramref name="index"/>, encoded once for every write.</summary>
    /// <param name="index">The property's index.</param>
    /// <returns>The encoded name.</returns>
    public JsonEncodedText Name(int index) => _encodedNames[index];

    /// <summary>
    /// Whether every required property is marked: the first 63 in <paramref name="presence"/>, the rest in
    /// <paramref name="more"/>, 64 a word (ApiModel's layout).
    /// </summary>
    internal bool HasAllRequired(ulong presence, ulong[]? more)
    {
        if ((presence & _requiredInline) != _requiredInline)
        {
            return false;
        }

        for (var index = 63; _requiredPastInline && index < _properties.Length; index++)
        {
            if (!_properties[index].IsRequired)
            {
                continue;
            }

            var present = more is { } rest && rest.Length > (index - 63) / 64 && (rest[(index - 63) / 64] & (1UL << ((index - 63) % 64))) != 0;
            if (!present)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonPropertyShape[] Parse(string[] descriptors)
    {
        var properties = new JsonPropertyShape[descriptors.Length];
        for (var index = 0; index < descriptors.Length; index++)
        {
            var descriptor = descriptors[index];
            var colon = descriptor.LastIndexOf(':');
            if (colon < 0)
            {
                throw new ArgumentException($"Property descriptor '{descriptor}' has no ':'.", nameof(descriptors));
            }

            var kinds = JsonTokenKinds.Null;
            var isRequired = false;
            var mayReject = false;
            foreach (var letter in descriptor.AsSpan(colon + 1))
            {
                kinds |= letter switch
                {
                    'o' => JsonTokenKinds.Object,
                    'a' => JsonTokenKinds.Array,
                    's' => JsonTokenKinds.String,
                    'n' => JsonTokenKinds.Number,
                    'b' => JsonTokenKinds.Boolean,
                    '*' => JsonTokenKinds.Any,
                    '!' or '~' => JsonTokenKinds.None,
                    _ => throw new ArgumentException($"Property descriptor '{descriptor}' has an unknown kind '{letter}'.", nameof(descriptors)),
                };
                isRequired |= letter == '!';
                mayReject |= letter == '~';
            }

            properties[index] = new JsonPropertyShape(descriptor[..colon], kinds, isRequired, mayReject: mayReject);
        }

        return properties;
    }

    /// <summary>Whether a token is one of <paramref name="kinds"/>.</summary>
    /// <param name="kinds">The kinds allowed.</param>
    /// <param name="token">The token.</param>
    /// <returns>True when allowed.</returns>
    public static bool Allows(JsonTokenKinds kinds, JsonTokenType token) => (kinds & KindOf(token)) != 0;

    /// <summary>Whether the value at the reader could be read; the caller's reader does not move.</summary>
    /// <param name="reader">A reader on the value's first token, over the whole document.</param>
    /// <returns>False when a reader of this shape would certainly reject the value.</returns>
    public bool MayRead(Utf8JsonReader reader)
    {
        JsonShape? self = this;
        return Fits(ref reader, new ReadOnlySpan<JsonShape?>(ref self)) != 0;
    }

    /// <summary>
    /// Which of a union's variants may read the value at the reader: bit <c>i</c> for <c>shapes[i]</c>, always set
    /// for a null shape (a variant without one). The value is looked at once for all of them, on the one copy of
    /// the reader this call takes (a couple of hundred bytes), where a check per variant would copy and walk it each.
    /// </summary>
    /// <param name="reader">A reader on the value's first token, over the whole document; the caller's does not move.</param>
    /// <param name="shapes">The variants' shapes, at most 64.</param>
    /// <returns>The variants that may read the value; a clear bit means that variant's reader would certainly reject it.</returns>
    public static ulong Fits(Utf8JsonReader reader, JsonShape?[] shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shapes.Length, 64, nameof(shapes));
        // A union of one variant (65 in Datadog's v2 spec, "included" items among them) has nothing to choose
        // between: the variant's reader runs next and says whether the value reads cleanly, so walking the object
        // first would read it twice. Only a token that reader would throw on is ruled out here.
        return shapes.Length == 1 && shapes[0] is { } only
            ? (Allows(only._root, reader.TokenType) ? 1UL : 0UL)
            : Fits(ref reader, shapes);
    }

    private static ulong Fits(ref Utf8JsonReader reader, scoped ReadOnlySpan<JsonShape?> shapes)
    {
        ulong fits = 0;
        ulong walking = 0;
        for (var i = 0; i < shapes.Length; i++)
        {
            if (shapes[i] is not { } shape)
            {
                fits |= 1UL << i;
            }
            else if (Allows(shape._root, reader.TokenType))
            {
                var isObjectToCheck = shape._properties.Length > 0 && reader.TokenType == JsonTokenType.StartObject;
                if (isObjectToCheck)
                {
                    walking |= 1UL << i;
                }
                else
                {
                    fits |= 1UL << i;
                }
            }
        }

        if (walking == 0)
        {
            return fits;
        }

        Span<int> indexes = stackalloc int[shapes.Length];
        Span<ulong> seenRequired = stackalloc ulong[shapes.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            for (var i = 0; i < shapes.Length; i++)
            {
                indexes[i] = (walking & (1UL << i)) != 0 ? shapes[i]!.IndexOf(ref reader) : -1;
            }

            reader.Read();
            for (var i = 0; i < shapes.Length; i++)
            {
                if (indexes[i] < 0)
                {
                    continue;
                }

                ref readonly var property = ref shapes[i]!._properties[indexes[i]];
                if (!Allows(property.Kinds, reader.TokenType) || !IsKnownOrNull(property.IsKnown, ref reader))
                {
                    walking &= ~(1UL << i);
                }
                else if (indexes[i] < 64)
                {
                    seenRequired[i] |= 1UL << indexes[i];
                }
            }

            if (walking == 0)
            {
                return fits;
            }

            reader.Skip();
        }

        for (var i = 0; i < shapes.Length; i++)
        {
            if ((walking & (1UL << i)) != 0 && (seenRequired[i] & shapes[i]!._requiredMask) == shapes[i]!._requiredMask)
            {
                fits |= 1UL << i;
            }
        }

        return fits;
    }

    // Known values are checked for enum properties only, whose values are one token (a string or a number): an
    // enum reader reads that token and does not move, so it works on the walking reader itself. One that throws
    // (a number for a string enum) means the variant's own reader would throw too.
    private static bool IsKnownOrNull(JsonValueReader<bool>? isKnown, ref Utf8JsonReader reader)
    {
        if (isKnown is null || reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            return false;
        }

        try
        {
            return isKnown(ref reader);
        }
        catch (Exception exception) when (JsonPrimitives.IsRejection(exception))
        {
            return false;
        }
    }

    private int IndexOf(ref Utf8JsonReader reader) => IndexOf(ref reader, 0);

    /// <summary>The property expected after the one at <paramref name="previous"/> (-1: the first).</summary>
    internal int ExpectedAfter(int previous) => _expectedAfter[previous + 1];

    /// <summary>Notes that the property at <paramref name="index"/> came after the one at <paramref name="previous"/>.</summary>
    internal void LearnOrder(int previous, int index) => _expectedAfter[previous + 1] = index;

    /// <summary>
    /// The index of the property name at the reader, or -1. The property <paramref name="first"/> names (the one
    /// expected next, <see cref="ExpectedAfter"/>) is tried first; a miss in a larger shape looks the name up by
    /// its length and first bytes, as System.Text.Json does, instead of comparing it with every name.
    /// </summary>
    internal int IndexOf(ref Utf8JsonReader reader, int first)
    {
        var properties = _properties;
        if (first < properties.Length && reader.ValueTextEquals(properties[first].Utf8Name))
        {
            return first;
        }

        if (_indexByKey is { } indexByKey && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            if (!indexByKey.TryGetValue(KeyOf(name), out var candidate))
            {
                return -1;
            }

            if (candidate != AmbiguousKey)
            {
                return name.SequenceEqual(properties[candidate].Utf8Name) ? candidate : -1;
            }
        }

        for (var index = 0; index < properties.Length; index++)
        {
            if (reader.ValueTextEquals(properties[index].Utf8Name))
            {
                return index;
            }
        }

        return -1;
    }

    // Up to this many properties, comparing names one by one costs less than a dictionary lookup.
    private const int LinearSearchLimit = 6;
    private const int AmbiguousKey = -1;

    private static Dictionary<ulong, int> IndexByKey(JsonPropertyShape[] properties)
    {
        var indexByKey = new Dictionary<ulong, int>(properties.Length);
        for (var index = 0; index < properties.Length; index++)
        {
            var key = KeyOf(properties[index].Utf8Name);
            indexByKey[key] = indexByKey.ContainsKey(key) ? AmbiguousKey : index;
        }

        return indexByKey;
    }

    // The length and the first seven bytes: names that share both (long ones with a common prefix) are ambiguous
    // and fall back to comparing every name.
    private static ulong KeyOf(ReadOnlySpan<byte> utf8Name)
    {
        var key = (ulong)Math.Min(utf8Name.Length, 255) << 56;
        var prefix = utf8Name[..Math.Min(utf8Name.Length, 7)];
        for (var index = 0; index < prefix.Length; index++)
        {
            key |= (ulong)prefix[index] << (index * 8);
        }

        return key;
    }

    // Asked for every property read: a table by token number costs one load where a switch costs several branches.
    private static JsonTokenKinds KindOf(JsonTokenType token)
    {
        ReadOnlySpan<byte> kindByToken =
        [
            0, // None
            (byte)JsonTokenKinds.Object, // StartObject
            0, // EndObject
            (byte)JsonTokenKinds.Array, // StartArray
            0, // EndArray
            0, // PropertyName
            0, // Comment
            (byte)JsonTokenKinds.String, // String
            (byte)JsonTokenKinds.Number, // Number
            (byte)JsonTokenKinds.Boolean, // True
            (byte)JsonTokenKinds.Boolean, // False
            (byte)JsonTokenKinds.Null, // Null
        ];
        return (uint)token < (uint)kindByToken.Length ? (JsonTokenKinds)kindByToken[(int)token] : JsonTokenKinds.None;
    }
}
