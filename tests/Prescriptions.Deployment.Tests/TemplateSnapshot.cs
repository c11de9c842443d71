using System.Text.Json.Nodes;

namespace Prescriptions.Deployment.Tests;

/// <summary>
/// The resources <c>bicep snapshot</c> predicts. Values known before deployment are evaluated; values only Azure knows
/// (an identity's client id, an account's endpoints) stay as <c>[reference(...)]</c> expressions.
/// </summary>
public sealed class TemplateSnapshot(JsonNode snapshot)
{
    public IReadOnlyList<JsonObject> Resources { get; } = snapshot["predictedResources"]!.AsArray().Select(node => node!.AsObject()).ToList();

    /// <summary>The template's outputs (what azd stores in its environment), evaluated as far as they can be offline.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; } = snapshot["outputs"]!.AsObject()
        .ToDictionary(output => output.Key, output => output.Value?.ToString() ?? "", StringComparer.Ordinal);

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject One(string type) => Assert.Single(OfType(type));

    /// <summary>The function app's application settings (its one <c>sites/config</c> resource, <c>appsettings</c>).</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        One("Microsoft.Web/sites/config")["properties"]!.AsObject()
            .ToDictionary(setting => setting.Key, setting => setting.Value?.ToString() ?? "", StringComparer.Ordinal);
}
