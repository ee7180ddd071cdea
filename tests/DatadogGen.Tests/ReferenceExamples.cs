namespace DatadogGen.Tests;

/// <summary>The bodies shown on the Create postmortem attachment reference page, transcribed.</summary>
internal static class ReferenceExamples
{
    public const string Request = """
        {
          "data": {
            "attributes": {
              "cells": [
                {
                  "attributes": {
                    "definition": {
                      "content": "## Incident Summary\nThis incident was caused by..."
                    }
                  },
                  "id": "cell-1",
                  "type": "markdown"
                }
              ],
              "content": "# Incident Report - IR-123\n[...]",
              "postmortem_template_id": "93645509-874e-45c4-adfa-623bfeaead89-123",
              "title": "Postmortem-IR-123"
            },
            "type": "incident_attachments"
          }
        }
        """;

    public const string CreatedResponse = """
        {
          "data": {
            "attributes": {
              "attachment": {
                "documentUrl": "https://app.datadoghq.com/notebook/123/Postmortem-IR-123",
                "title": "Postmortem IR-123"
              },
              "attachment_type": "postmortem",
              "modified": "2025-01-01T01:01:01.000000001Z"
            },
            "id": "00000000-abcd-0002-0000-000000000000",
            "relationships": {
              "incident": {
                "data": {
                  "id": "00000000-0000-0000-1234-000000000000",
                  "type": "incidents"
                }
              },
              "last_modified_by_user": {
                "data": {
                  "id": "00000000-0000-0000-2345-000000000000",
                  "type": "users"
                }
              }
            },
            "type": "incident_attachments"
          },
          "included": [
            {
              "attributes": {
                "email": "string",
                "handle": "string",
                "icon": "string",
                "name": "string",
                "uuid": "string"
              },
              "id": "string",
              "type": "users"
            }
          ]
        }
        """;

    public const string BadRequestResponse = """
        {
          "errors": [
            {
              "detail": "Missing required attribute in body",
              "meta": {},
              "source": {
                "header": "Authorization",
                "parameter": "limit",
                "pointer": "/data/attributes/title"
              },
              "status": "400",
              "title": "Bad Request"
            }
          ]
        }
        """;

    public const string TooManyRequestsResponse = """
        {
          "errors": [
            "Bad Request"
          ]
        }
        """;
}
