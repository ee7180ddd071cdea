using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// Hand-written classes of the same shape as the generated models, for the System.Text.Json baselines
// (reflection and source generation). Plain DTOs, as a developer would write them: snake_case names through
// [JsonPropertyName], enums as strings (the generated enums are extensible structs over a string), date-times as
// DateTimeOffset. Unlike the generated models they keep no unknown properties (no [JsonExtensionData]) and do not
// tell an absent property from a null one: the baseline does less work, which makes it the harder one to beat.
namespace DatadogGen.Benchmarks.Client.Pocos;

// ---- Create postmortem attachment: request -------------------------------------------------------------------

public sealed class PostmortemAttachmentRequest
{
    [JsonPropertyName("data")] public PostmortemAttachmentRequestData? Data { get; set; }
}

public sealed class PostmortemAttachmentRequestData
{
    [JsonPropertyName("attributes")] public PostmortemAttachmentRequestAttributes? Attributes { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class PostmortemAttachmentRequestAttributes
{
    [JsonPropertyName("cells")] public List<PostmortemCell>? Cells { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("postmortem_template_id")] public string? PostmortemTemplateId { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}

public sealed class PostmortemCell
{
    [JsonPropertyName("attributes")] public PostmortemCellAttributes? Attributes { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class PostmortemCellAttributes
{
    [JsonPropertyName("definition")] public PostmortemCellDefinition? Definition { get; set; }
}

public sealed class PostmortemCellDefinition
{
    [JsonPropertyName("content")] public string? Content { get; set; }
}

// ---- Create postmortem attachment: 201 response ---------------------------------------------------------------

public sealed class Attachment
{
    [JsonPropertyName("data")] public AttachmentData? Data { get; set; }
    [JsonPropertyName("included")] public List<IncidentUserData>? Included { get; set; }
}

public sealed class AttachmentData
{
    [JsonPropertyName("attributes")] public AttachmentDataAttributes? Attributes { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("relationships")] public AttachmentDataRelationships? Relationships { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class AttachmentDataAttributes
{
    [JsonPropertyName("attachment")] public AttachmentDataAttributesAttachment? Attachment { get; set; }
    [JsonPropertyName("attachment_type")] public string? AttachmentType { get; set; }
    [JsonPropertyName("modified")] public DateTimeOffset? Modified { get; set; }
}

public sealed class AttachmentDataAttributesAttachment
{
    [JsonPropertyName("documentUrl")] public string? DocumentUrl { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}

public sealed class AttachmentDataRelationships
{
    [JsonPropertyName("incident")] public RelationshipToIncident? Incident { get; set; }
    [JsonPropertyName("last_modified_by_user")] public RelationshipToUser? LastModifiedByUser { get; set; }
}

public sealed class RelationshipToIncident
{
    [JsonPropertyName("data")] public RelationshipData? Data { get; set; }
}

public sealed class RelationshipToUser
{
    [JsonPropertyName("data")] public RelationshipData? Data { get; set; }
}

/// <summary>{ id, type }: the generated code has one class per relationship (RelationshipToUserData, ...).</summary>
public sealed class RelationshipData
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class RelationshipList
{
    [JsonPropertyName("data")] public List<RelationshipData>? Data { get; set; }
}

public sealed class IncidentUserData
{
    [JsonPropertyName("attributes")] public IncidentUserAttributes? Attributes { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class IncidentUserAttributes
{
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("handle")] public string? Handle { get; set; }
    [JsonPropertyName("icon")] public string? Icon { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("uuid")] public string? Uuid { get; set; }
}

// ---- ListIncidents: 200 response (IncidentsResponse) ----------------------------------------------------------

public sealed class IncidentsResponse
{
    [JsonPropertyName("data")] public List<IncidentResponseData>? Data { get; set; }
    // A oneOf (users | attachments) in the spec; the recorded body has none.
    [JsonPropertyName("included")] public List<JsonElement>? Included { get; set; }
    [JsonPropertyName("meta")] public IncidentResponseMeta? Meta { get; set; }
}

public sealed class IncidentResponseData
{
    [JsonPropertyName("attributes")] public IncidentResponseAttributes? Attributes { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("relationships")] public IncidentResponseRelationships? Relationships { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

public sealed class IncidentResponseAttributes
{
    [JsonPropertyName("archived")] public DateTimeOffset? Archived { get; set; }
    [JsonPropertyName("case_id")] public long? CaseId { get; set; }
    [JsonPropertyName("created")] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("customer_impact_duration")] public long? CustomerImpactDuration { get; set; }
    [JsonPropertyName("customer_impact_end")] public DateTimeOffset? CustomerImpactEnd { get; set; }
    [JsonPropertyName("customer_impact_scope")] public string? CustomerImpactScope { get; set; }
    [JsonPropertyName("customer_impact_start")] public DateTimeOffset? CustomerImpactStart { get; set; }
    [JsonPropertyName("customer_impacted")] public bool? CustomerImpacted { get; set; }
    [JsonPropertyName("declared")] public DateTimeOffset? Declared { get; set; }
    [JsonPropertyName("declared_by")] public IncidentNonDatadogCreator? DeclaredBy { get; set; }
    [JsonPropertyName("declared_by_uuid")] public string? DeclaredByUuid { get; set; }
    [JsonPropertyName("detected")] public DateTimeOffset? Detected { get; set; }
    [JsonPropertyName("fields")] public Dictionary<string, IncidentFieldAttributes>? Fields { get; set; }
    [JsonPropertyName("incident_type_uuid")] public string? IncidentTypeUuid { get; set; }
    [JsonPropertyName("is_test")] public bool? IsTest { get; set; }
    [JsonPropertyName("modified")] public DateTimeOffset? Modified { get; set; }
    [JsonPropertyName("non_datadog_creator")] public IncidentNonDatadogCreator? NonDatadogCreator { get; set; }
    [JsonPropertyName("notification_handles")] public List<IncidentNotificationHandle>? NotificationHandles { get; set; }
    [JsonPropertyName("public_id")] public long? PublicId { get; set; }
    [JsonPropertyName("resolved")] public DateTimeOffset? Resolved { get; set; }
    [JsonPropertyName("severity")] public string? Severity { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("time_to_detect")] public long? TimeToDetect { get; set; }
    [JsonPropertyName("time_to_internal_response")] public long? TimeToInternalResponse { get; set; }
    [JsonPropertyName("time_to_repair")] public long? TimeToRepair { get; set; }
    [JsonPropertyName("time_to_resolve")] public long? TimeToResolve { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("visibility")] public string? Visibility { get; set; }
}

public sealed class IncidentNonDatadogCreator
{
    [JsonPropertyName("image_48_px")] public string? Image48Px { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class IncidentNotificationHandle
{
    [JsonPropertyName("display_name")] public string? DisplayName { get; set; }
    [JsonPropertyName("handle")] public string? Handle { get; set; }
}

/// <summary>
/// The spec's oneOf IncidentFieldAttributesSingleValue | IncidentFieldAttributesMultipleValue. System.Text.Json has
/// no oneOf, so the baseline does what a developer would: a small hand-written converter that picks the variant
/// from the token of "value" (string or array), or from "type" when the value is null.
/// </summary>
[JsonConverter(typeof(IncidentFieldAttributesConverter))]
public abstract class IncidentFieldAttributes
{
    public string? Type { get; set; }
}

public sealed class IncidentFieldAttributesSingleValue : IncidentFieldAttributes
{
    public string? Value { get; set; }
}

public sealed class IncidentFieldAttributesMultipleValue : IncidentFieldAttributes
{
    public List<string>? Value { get; set; }
}

public sealed class IncidentFieldAttributesConverter : JsonConverter<IncidentFieldAttributes>
{
    public override IncidentFieldAttributes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object for IncidentFieldAttributes.");
        }

        string? type = null;
        string? single = null;
        List<string>? multiple = null;
        bool isMultiple = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    isMultiple = true;
                    multiple = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        multiple.Add(reader.GetString()!);
                    }
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    single = reader.GetString();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!isMultiple && single is null && type is "multiselect" or "textarray" or "metrictag" or "autocomplete")
        {
            isMultiple = true;
        }

        return isMultiple
            ? new IncidentFieldAttributesMultipleValue { Type = type, Value = multiple }
            : new IncidentFieldAttributesSingleValue { Type = type, Value = single };
    }

    public override void Write(Utf8JsonWriter writer, IncidentFieldAttributes value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, value.Type);
        writer.WritePropertyName("value"u8);
        switch (value)
        {
            case IncidentFieldAttributesSingleValue { Value: { } text }:
                writer.WriteStringValue(text);
                break;
            case IncidentFieldAttributesMultipleValue { Value: { } items }:
                writer.WriteStartArray();
                foreach (string item in items)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }

        writer.WriteEndObject();
    }
}

public sealed class IncidentResponseRelationships
{
    [JsonPropertyName("attachments")] public RelationshipList? Attachments { get; set; }
    [JsonPropertyName("commander_user")] public RelationshipToUser? CommanderUser { get; set; }
    [JsonPropertyName("created_by_user")] public RelationshipToUser? CreatedByUser { get; set; }
    [JsonPropertyName("declared_by_user")] public RelationshipToUser? DeclaredByUser { get; set; }
    [JsonPropertyName("impacts")] public RelationshipList? Impacts { get; set; }
    [JsonPropertyName("integrations")] public RelationshipList? Integrations { get; set; }
    [JsonPropertyName("last_modified_by_user")] public RelationshipToUser? LastModifiedByUser { get; set; }
    [JsonPropertyName("responders")] public RelationshipList? Responders { get; set; }
    [JsonPropertyName("user_defined_fields")] public RelationshipList? UserDefinedFields { get; set; }
}

public sealed class IncidentResponseMeta
{
    [JsonPropertyName("pagination")] public IncidentResponseMetaPagination? Pagination { get; set; }
}

public sealed class IncidentResponseMetaPagination
{
    [JsonPropertyName("next_offset")] public long? NextOffset { get; set; }
    [JsonPropertyName("offset")] public long? Offset { get; set; }
    [JsonPropertyName("size")] public long? Size { get; set; }
}

/// <summary>System.Text.Json's own source generator over the classes above (default mode: metadata and fast path).</summary>
[JsonSerializable(typeof(PostmortemAttachmentRequest))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(IncidentsResponse))]
public sealed partial class PocoJsonContext : JsonSerializerContext;
