using System.Text.Json;

namespace Prescriptions.LocalHost.Discovery;

/// <summary>Reads the settings of <c>host.json</c> that the local host honours.</summary>
public static class HostJson
{
    public const string FileName = "host.json";

    /// <summary>The Functions host's default when host.json sets no <c>extensions.http.routePrefix</c>.</summary>
    public const string DefaultRoutePrefix = "api";

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// host.json next to the running assembly (the Functions project copies it into every output folder that references it),
    /// else the one at the repository root, found by walking up to Prescriptions.sln; <see langword="null"/> when neither exists.
    /// </summary>
    public static string? Locate(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        var besideAssembly = Path.Combine(start, FileName);
        if (File.Exists(besideAssembly))
        {
            return besideAssembly;
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Prescriptions.sln")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The route prefix from the given host.json, without slashes; "api" when the file or the setting is missing. Empty is allowed.</summary>
    public static string ReadRoutePrefix(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return DefaultRoutePrefix;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty("http", out var http)
            && http.ValueKind == JsonValueKind.Object
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!.Trim('/')
                : DefaultRoutePrefix;
    }
}
