using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Prescriptions.Functions.OpenApi;

/// <summary>
/// The API's OpenAPI document: OpenApi/openapi.json, maintained by hand next to the functions and embedded in
/// the assembly, so both hosts serve exactly the file that ./test.sh lints and the tests compare with the routes.
/// </summary>
public sealed class OpenApiDocument
{
    public const string ResourceName = "Prescriptions.Functions.OpenApi.openapi.json";

    // Read once: the document is part of the build and never changes while the app runs.
    private static readonly Lazy<OpenApiDocument> Embedded = new(Load);

    private OpenApiDocument(string json)
    {
        Json = json;
        Root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException($"{ResourceName} is not a JSON object.");
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16))}\"";
    }

    public static OpenApiDocument Current => Embedded.Value;

    /// <summary>The document as written in the file.</summary>
    public string Json { get; }

    /// <summary>A strong validator of <see cref="Json"/>: it changes exactly when the document does.</summary>
    public string ETag { get; }

    /// <summary>The parsed document; callers must not change it.</summary>
    public JsonObject Root { get; }

    private static OpenApiDocument Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new OpenApiDocument(reader.ReadToEnd());
    }
}
