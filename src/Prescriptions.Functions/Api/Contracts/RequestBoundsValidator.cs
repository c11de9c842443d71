using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescriptions.Functions.OpenApi;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>
/// The list bounds of a request body, as openapi.json documents them: every array's <c>maxItems</c> (named by the
/// schema's <c>x-items-called</c>: "may hold at most 40 exercises"). They are read from the document itself, so what is
/// documented is what is enforced, and checked on the parsed JSON before it is bound to a type, so an oversized list is
/// refused before anything walks it. Free-text lengths (<c>maxLength</c>) are checked by each body's validator, so that
/// their 400 names every field at fault at once.
/// </summary>
public static class RequestBoundsValidator
{
    /// <summary>The request schema of a body type: <c>CreatePrescriptionBody</c> is <c>CreatePrescriptionRequest</c>, other types keep their name.</summary>
    public static string SchemaNameOf(Type bodyType)
    {
        ArgumentNullException.ThrowIfNull(bodyType);
        return bodyType.Name.EndsWith("Body", StringComparison.Ordinal) ? $"{bodyType.Name[..^4]}Request" : bodyType.Name;
    }

    /// <summary>The field errors of a body beyond its schema's list bounds; empty when the type has no documented schema.</summary>
    public static ValidationErrors Check(JsonElement body, Type bodyType)
    {
        var errors = new ValidationErrors();
        if (Schemas[SchemaNameOf(bodyType)] is { } schema)
        {
            Walk(body, schema, string.Empty, errors);
        }

        return errors;
    }

    private static JsonObject Schemas => OpenApiDocument.Current.Root["components"]!["schemas"]!.AsObject();

    private static void Walk(JsonElement value, JsonNode? schema, string path, ValidationErrors errors)
    {
        if (Resolve(schema) is not { } bounds)
        {
            return;
        }

        foreach (var part in bounds["allOf"]?.AsArray() ?? [])
        {
            Walk(value, part, path, errors);
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                if (bounds["maxItems"]?.GetValue<int>() is { } maxItems && value.GetArrayLength() > maxItems)
                {
                    // Too long: say so once and do not walk its members.
                    errors.Add(Field(path), string.Create(CultureInfo.InvariantCulture, $"may hold at most {maxItems} {bounds["x-items-called"]?.GetValue<string>() ?? "entries"}"));
                    return;
                }

                var index = 0;
                foreach (var member in value.EnumerateArray())
                {
                    Walk(member, bounds["items"], string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), errors);
                }

                break;
            case JsonValueKind.Object when bounds["properties"] is JsonObject properties:
                foreach (var member in value.EnumerateObject())
                {
                    // Bodies bind case-insensitively, so a bound applies whatever the case of the name.
                    var property = properties.FirstOrDefault(p => string.Equals(p.Key, member.Name, StringComparison.OrdinalIgnoreCase));
                    if (property.Value is not null)
                    {
                        Walk(member.Value, property.Value, path.Length == 0 ? property.Key : $"{path}.{property.Key}", errors);
                    }
                }

                break;
        }
    }

    private static JsonObject? Resolve(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? Schemas[reference[(reference.LastIndexOf('/') + 1)..]]?.AsObject()
            : schema as JsonObject;

    private static string Field(string path) => path.Length == 0 ? "$" : path;
}
