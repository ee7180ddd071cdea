using System;
using System.Collections.Generic;
using System.Text.Json;
using Poco = DatadogGen.Benchmarks.Client.Pocos;

namespace DatadogGen.Benchmarks.Client;

/// <summary>
/// The practical limit: JSON written and read by hand with Utf8JsonWriter/Utf8JsonReader over the hand-written
/// classes, no serializer, no delegates, no presence tracking, unknown properties skipped.
/// </summary>
internal static class HandWritten
{
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText Cells = JsonEncodedText.Encode("cells");
    private static readonly JsonEncodedText Definition = JsonEncodedText.Encode("definition");
    private static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText PostmortemTemplateId = JsonEncodedText.Encode("postmortem_template_id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");

    public static void WriteRequest(Utf8JsonWriter w, Poco.PostmortemAttachmentRequest request)
    {
        w.WriteStartObject();
        if (request.Data is { } data)
        {
            w.WritePropertyName(Data);
            w.WriteStartObject();
            if (data.Attributes is { } attributes)
            {
                w.WritePropertyName(Attributes);
                w.WriteStartObject();
                if (attributes.Cells is { } cells)
                {
                    w.WritePropertyName(Cells);
                    w.WriteStartArray();
                    foreach (var cell in cells)
                    {
                        w.WriteStartObject();
                        if (cell.Attributes is { } cellAttributes)
                        {
                            w.WritePropertyName(Attributes);
                            w.WriteStartObject();
                            if (cellAttributes.Definition is { } definition)
                            {
                                w.WritePropertyName(Definition);
                                w.WriteStartObject();
                                if (definition.Content is { } markdown)
                                {
                                    w.WriteString(Content, markdown);
                                }

                                w.WriteEndObject();
                            }

                            w.WriteEndObject();
                        }

                        if (cell.Id is { } id)
                        {
                            w.WriteString(Id, id);
                        }

                        if (cell.Type is { } cellType)
                        {
                            w.WriteString(Type, cellType);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                if (attributes.Content is { } content)
                {
                    w.WriteString(Content, content);
                }

                if (attributes.PostmortemTemplateId is { } template)
                {
                    w.WriteString(PostmortemTemplateId, template);
                }

                if (attributes.Title is { } title)
                {
                    w.WriteString(Title, title);
                }

                w.WriteEndObject();
            }

            if (data.Type is { } type)
            {
                w.WriteString(Type, type);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static Poco.Attachment ReadAttachment(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject);
        var result = new Poco.Attachment();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                result.Data = reader.TokenType == JsonTokenType.Null ? null : ReadAttachmentData(ref reader);
            }
            else if (reader.ValueTextEquals("included"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    var included = new List<Poco.IncidentUserData>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        included.Add(ReadUser(ref reader));
                    }

                    result.Included = included;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return result;
    }

    private static Poco.AttachmentData ReadAttachmentData(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var data = new Poco.AttachmentData();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("attributes"u8))
            {
                reader.Read();
                data.Attributes = ReadAttachmentAttributes(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                data.Id = reader.GetString();
            }
            else if (reader.ValueTextEquals("relationships"u8))
            {
                reader.Read();
                data.Relationships = ReadRelationships(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                data.Type = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return data;
    }

    private static Poco.AttachmentDataAttributes ReadAttachmentAttributes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var attributes = new Poco.AttachmentDataAttributes();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("attachment"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject);
                var attachment = new Poco.AttachmentDataAttributesAttachment();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("documentUrl"u8))
                    {
                        reader.Read();
                        attachment.DocumentUrl = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("title"u8))
                    {
                        reader.Read();
                        attachment.Title = reader.GetString();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                attributes.Attachment = attachment;
            }
            else if (reader.ValueTextEquals("attachment_type"u8))
            {
                reader.Read();
                attributes.AttachmentType = reader.GetString();
            }
            else if (reader.ValueTextEquals("modified"u8))
            {
                reader.Read();
                attributes.Modified = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return attributes;
    }

    private static Poco.AttachmentDataRelationships ReadRelationships(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var relationships = new Poco.AttachmentDataRelationships();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("incident"u8))
            {
                reader.Read();
                relationships.Incident = new Poco.RelationshipToIncident { Data = ReadRelationshipData(ref reader) };
            }
            else if (reader.ValueTextEquals("last_modified_by_user"u8))
            {
                reader.Read();
                relationships.LastModifiedByUser = new Poco.RelationshipToUser { Data = ReadRelationshipData(ref reader) };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return relationships;
    }

    // { "data": { "id": ..., "type": ... } }
    private static Poco.RelationshipData? ReadRelationshipData(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        Poco.RelationshipData? result = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartObject);
                result = new Poco.RelationshipData();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        result.Id = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("type"u8))
                    {
                        reader.Read();
                        result.Type = reader.GetString();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return result;
    }

    private static Poco.IncidentUserData ReadUser(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var user = new Poco.IncidentUserData();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("attributes"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject);
                var attributes = new Poco.IncidentUserAttributes();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("email"u8)) { reader.Read(); attributes.Email = reader.GetString(); }
                    else if (reader.ValueTextEquals("handle"u8)) { reader.Read(); attributes.Handle = reader.GetString(); }
                    else if (reader.ValueTextEquals("icon"u8)) { reader.Read(); attributes.Icon = reader.GetString(); }
                    else if (reader.ValueTextEquals("name"u8)) { reader.Read(); attributes.Name = reader.GetString(); }
                    else if (reader.ValueTextEquals("uuid"u8)) { reader.Read(); attributes.Uuid = reader.GetString(); }
                    else { reader.Read(); reader.Skip(); }
                }

                user.Attributes = attributes;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                user.Id = reader.GetString();
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                user.Type = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return user;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} but found {reader.TokenType} at byte {reader.TokenStartIndex}.");
        }
    }
}
