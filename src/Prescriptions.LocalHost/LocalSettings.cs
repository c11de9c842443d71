using System.Text.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Prescriptions.LocalHost;

/// <summary>
/// The "Values" of local.settings.json, which Core Tools hand to the function app as environment variables.
/// The local host reads them too, so a setting such as a timer's <c>%Schedule%</c> lives in one place for both hosts.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";

    /// <summary>
    /// Adds the Values of <paramref name="path"/> (default: the copy beside the running assembly) as the lowest-priority
    /// configuration source: appsettings, environment variables and command-line arguments all override them.
    /// </summary>
    public static IConfigurationBuilder AddLocalSettingsValues(this IConfigurationBuilder configuration, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        path ??= Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(path))
        {
            configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = ReadValues(path) });
        }

        return configuration;
    }

    /// <summary>The Values as configuration keys: "A__B" becomes "A:B", as the environment-variable provider does.</summary>
    public static IReadOnlyDictionary<string, string?> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in section.EnumerateObject())
            {
                values[value.Name.Replace("__", ":", StringComparison.Ordinal)] = value.Value.ValueKind switch
                {
                    JsonValueKind.String => value.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => value.Value.GetRawText(),
                };
            }
        }

        return values;
    }
}
