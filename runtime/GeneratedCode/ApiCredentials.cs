using System;
using System.ComponentModel;

namespace DatadogGen.GeneratedCode;

/// <summary>The credentials an operation accepts, as its security requirements in the spec say.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ApiCredentials
{
    /// <summary>No credentials.</summary>
    None = 0,

    /// <summary><see cref="Configuration.ApiKey"/>, sent as <c>DD-API-KEY</c>.</summary>
    ApiKey = 1,

    /// <summary><see cref="Configuration.ApplicationKey"/>, sent as <c>DD-APPLICATION-KEY</c>.</summary>
    ApplicationKey = 2,

    /// <summary><see cref="Configuration.AccessToken"/>, sent as <c>Authorization: Bearer</c>.</summary>
    AccessToken = 4,
}
