using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Functions.Http;

/// <summary>
/// Reads a JSON body the same way on both hosts: JSON content type only (415), at most 1 MiB (413),
/// well-formed (400 malformed), with lists within their documented maxItems (400 naming the field), and of the expected shape (400 naming the field's JSON path).
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(request, MaxBodyBytes, cancellationToken);

    /// <summary>Reads with a route's own limit (a whole library upload is larger than any other request).</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureJsonContentType(request.ContentType);
        if (request.ContentLength > maxBytes)
        {
            throw new ApiProblemException(Problems.PayloadTooLarge(maxBytes));
        }

        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (body.Length == 0)
        {
            throw new ApiProblemException(Problems.MalformedJson("The request body is empty; a JSON object is expected.", "$"));
        }

        EnsureWellFormed(body);
        EnsureWithinBounds<T>(body);
        try
        {
            return JsonSerializer.Deserialize<T>(body, DomainJson.Options)
                ?? throw new ApiProblemException(Problems.Validation("$", "a JSON object is expected, not null"));
        }
        catch (JsonException exception)
        {
            throw new ApiProblemException(Problems.Validation(FieldPath(exception.Path), ShapeMessage(exception)));
        }
    }

    /// <summary>Turns System.Text.Json's <c>$.items[2].dose</c> into the API's <c>items[2].dose</c>.</summary>
    public static string FieldPath(string? jsonPath) => jsonPath switch
    {
        null or "" or "$" => "$",
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ when jsonPath.StartsWith('$') => jsonPath[1..],
        _ => jsonPath,
    };

    private static void EnsureJsonContentType(string? contentType)
    {
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.MediaType is { } mediaType
            && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            && (parsed.CharSet is null || parsed.CharSet.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        throw new ApiProblemException(Problems.UnsupportedMediaType(contentType));
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        // The Content-Length may be absent (chunked), so the limit is enforced while reading.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ApiProblemException(Problems.PayloadTooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static void EnsureWellFormed(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"Malformed JSON at line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}.");
            throw new ApiProblemException(Problems.MalformedJson(detail, "$"));
        }
    }

    /// <summary>The documented maxItems of the body's schema, before it is bound to a type.</summary>
    private static void EnsureWithinBounds<T>(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        RequestBoundsValidator.Check(document.RootElement, typeof(T)).ThrowIfAny();
    }

    private static string ShapeMessage(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known field";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return "is missing required fields";
        }

        return message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase)
            ? "must not be null"
            : "has a value of the wrong type or format";
    }
}
