using System.Diagnostics;
using System.Text.RegularExpressions;
using Prescriptions.Testing;
using Xunit.Abstractions;

namespace Prescriptions.Functions.Tests;

/// <summary>
/// A partner's generated client (Kiota, the repository's local tool in .config/dotnet-tools.json) maps the FHIR bundle
/// and the webhook body to typed properties, not to "additional data". Generated offline into a temporary folder.
/// </summary>
public sealed partial class KiotaClientTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("kiota-");

    [Fact]
    public async Task A_generated_CSharp_client_has_typed_FHIR_bundle_and_webhook_members()
    {
        await DotnetAsync("tool", "restore");
        await DotnetAsync("kiota", "generate", "--language", "CSharp", "--openapi", RepositoryPaths.Combine("src", "Prescriptions.Functions", "OpenApi", "openapi.json"),
            "--output", folder.FullName, "--namespace-name", "Partner.Client", "--class-name", "PrescriptionsClient", "--exclude-backward-compatible", "--log-level", "Warning");

        var bundle = Properties("FhirBundle");
        Assert.Equal("string", bundle["Id"]);
        Assert.Equal("FhirMeta", bundle["Meta"]);
        Assert.Equal("FhirIdentifier", bundle["Identifier"]);
        Assert.Equal("DateTimeOffset", bundle["Timestamp"]);
        Assert.Equal("List<FhirBundleEntry>", bundle["Entry"]);
        var entry = Properties("FhirBundleEntry");
        Assert.Equal("string", entry["FullUrl"]);
        Assert.Equal("FhirResource", entry["Resource"]);
        var resource = Properties("FhirResource");
        Assert.Equal("string", resource["ResourceType"]);
        Assert.Equal("string", resource["Id"]);
        Assert.Equal(("string", "string"), (Properties("FhirIdentifier")["System"], Properties("FhirIdentifier")["Value"]));

        var webhookData = Properties("WebhookEvent_data");
        Assert.Equal(("string", "string"), (webhookData["PatientId"], webhookData["ExternalId"]));
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>A generated model's properties: name -> type (namespace and nullability left out).</summary>
    private Dictionary<string, string> Properties(string model)
    {
        var source = File.ReadAllText(Path.Combine(folder.FullName, "Models", $"{model}.cs"));
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Property().Matches(source))
        {
            properties[match.Groups["name"].Value] = match.Groups["type"].Value.Replace("global::Partner.Client.Models.", string.Empty, StringComparison.Ordinal).TrimEnd('?');
        }

        return properties;
    }

    private async Task DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}.");
    }

    [GeneratedRegex(@"public (?<type>[\w.:<>?]+) (?<name>\w+) \{ get; set; \}")]
    private static partial Regex Property();
}
