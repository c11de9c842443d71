using System.Text.Json.Nodes;
using Prescriptions.Testing;

namespace Prescriptions.Deployment.Tests;

/// <summary>The function app's local.settings.json (Core Tools and the local host read its Values).</summary>
internal static class LocalSettingsFile
{
    // The file's own key; not this property's name.
    private const string ValuesKey = "Values";

    public static IReadOnlyDictionary<string, string> Values { get; } =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("src", "Prescriptions.Functions", "local.settings.json")))![ValuesKey]!.AsObject()
            .ToDictionary(value => value.Key, value => value.Value?.ToString() ?? "", StringComparer.Ordinal);
}
