using System.Security.Cryptography;
using System.Text.Json;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Domain.Library;

/// <summary>Turns library content into the bytes we publish and the content hash that names them.</summary>
public static class LibraryVersioning
{
    /// <summary>The canonical document: content ordered by id, serialised with the product's JSON options.</summary>
    public static byte[] Serialize(LibraryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return JsonSerializer.SerializeToUtf8Bytes(content.Canonical(), DomainJson.Options);
    }

    public static LibraryContent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<LibraryContent>(utf8Json, DomainJson.Options)
        ?? throw new JsonException("The library document is empty.");

    /// <summary>The version name: the first 16 hex digits (64 bits) of the document's SHA-256.</summary>
    public static string ComputeVersion(ReadOnlySpan<byte> document) =>
        Convert.ToHexStringLower(SHA256.HashData(document))[..16];
}
