using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;

namespace DatadogGen.GeneratedCode;

/// <summary>
/// The API classes of every generated client loaded in the process, with the interface each implements, so a
/// container (<c>AddDatadogClient</c> of DatadogGen.Extensions.DependencyInjection) can register them without
/// reflection. Generated code registers its API classes when its assembly loads.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiRegistry
{
    private static ApiRegistration[] _registrations = [];

    /// <summary>The API classes registered so far.</summary>
    public static IReadOnlyList<ApiRegistration> Registrations => Volatile.Read(ref _registrations);

    /// <summary>Registers a generated API class and its interface.</summary>
    /// <typeparam name="TInterface">The interface, e.g. <c>IIncidentsApi</c>.</typeparam>
    /// <typeparam name="TApi">The class, e.g. <c>IncidentsApi</c>.</typeparam>
    /// <param name="create">Creates the class over a client.</param>
    public static void Register<TInterface, TApi>(Func<ApiClient, TApi> create)
        where TInterface : class
        where TApi : class, TInterface
    {
        ArgumentNullException.ThrowIfNull(create);
        var registration = new ApiRegistration(typeof(TInterface), typeof(TApi), create);
        ApiRegistration[] current, updated;
        do
        {
            current = Volatile.Read(ref _registrations);
            if (Array.Exists(current, existing => existing.ApiType == registration.ApiType))
            {
                return;
            }

            updated = [.. current, registration];
        }
        while (Interlocked.CompareExchange(ref _registrations, updated, current) != current);
    }
}

/// <summary>A generated API class, the interface it implements, and how to create it over a client.</summary>
/// <param name="InterfaceType">The interface, e.g. <c>IIncidentsApi</c>.</param>
/// <param name="ApiType">The class, e.g. <c>IncidentsApi</c>.</param>
/// <param name="Create">Creates the class over a client.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ApiRegistration(Type InterfaceType, Type ApiType, Func<ApiClient, object> Create);
