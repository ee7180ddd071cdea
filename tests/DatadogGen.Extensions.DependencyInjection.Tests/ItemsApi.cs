using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DatadogGen.GeneratedCode;

namespace DatadogGen.Extensions.DependencyInjection.Tests;

/// <summary>Shaped like a generated API class: one public constructor taking the ApiClient.</summary>
public sealed class ItemsApi(ApiClient apiClient)
{
    public ApiClient ApiClient { get; } = apiClient ?? throw new ArgumentNullException(nameof(apiClient));

    public async Task<string> GetItemIdAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest("v2.GetItem", HttpMethod.Get, "/api/v2/items/1");
        ApiResponse<string> response = await ApiClient.SendAsync(
            request,
            static (_, body) => JsonModel.Deserialize(body, static (ref Utf8JsonReader reader) =>
            {
                using JsonDocument document = JsonDocument.ParseValue(ref reader);
                return document.RootElement.GetProperty("id").GetString()!;
            }),
            null,
            cancellationToken);
        return response.Data;
    }
}
