using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Prescriptions.Portal;
using Prescriptions.Testing;

namespace Prescriptions.Deployment.Tests;

/// <summary>
/// scripts/write-portal-settings.sh (the web service's predeploy hook, after publishing): run with azd-like environment
/// values into a published-looking wwwroot, it writes every setting <see cref="PortalSettings"/> reads and opens the
/// Content-Security-Policy to the API and Entra ID only.
/// </summary>
[Collection(DeploymentTemplateCollection.Name)]
public sealed partial class PortalSettingsHookTests(DeploymentTemplate template) : IDisposable
{
    private static readonly Dictionary<string, string> AzdEnvironment = new()
    {
        ["PORTAL_API_BASE_URL"] = "https://func-api-abc123.azurewebsites.net/api/",
        ["PORTAL_AUTHORITY"] = "https://login.microsoftonline.com/7d3c2a10-0000-4000-8000-00000000a001/v2.0",
        ["PORTAL_CLIENT_ID"] = "5b0e6f3c-0000-4000-8000-00000000b003",
        ["PORTAL_API_SCOPE"] = "api://prescriptions/access_as_user",
    };

    private readonly DirectoryInfo wwwroot = Directory.CreateTempSubdirectory("portal-wwwroot-");

    public void Dispose() => wwwroot.Delete(recursive: true);

    [Fact]
    public void The_hook_writes_every_setting_the_portal_reads_and_the_portal_can_start_with_them()
    {
        Publish();

        var result = RunHook(AzdEnvironment);

        Assert.True(result.ExitCode == 0, result.Error);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(wwwroot.FullName, "appsettings.json")))![PortalSettings.SectionName]!.AsObject();
        var readable = typeof(PortalSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && property.PropertyType == typeof(string))
            .Select(property => property.Name);
        Assert.Equal(readable.Order(), written.Select(setting => setting.Key).Order());
        var settings = Bind();
        Assert.Empty(settings.Missing());
        Assert.False(settings.UsesDevelopmentSignIn);
        Assert.Equal(AzdEnvironment["PORTAL_API_BASE_URL"], settings.ApiBaseUrl);
        Assert.Equal(AzdEnvironment["PORTAL_AUTHORITY"], settings.Authority);
        Assert.Equal(AzdEnvironment["PORTAL_CLIENT_ID"], settings.ClientId);
        Assert.Equal(AzdEnvironment["PORTAL_API_SCOPE"], settings.ApiScope);
        // The build's compressed copy of the empty settings is gone, so no server serves it instead.
        Assert.False(File.Exists(Path.Combine(wwwroot.FullName, "appsettings.json.br")));
    }

    [Fact]
    public void The_content_security_policy_may_connect_to_the_API_and_Entra_ID_and_nothing_else()
    {
        Publish();

        var result = RunHook(AzdEnvironment);

        Assert.True(result.ExitCode == 0, result.Error);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(wwwroot.FullName, "staticwebapp.config.json")))!;
        var policy = StaticWebAppConfigTests.Directives((string)config["globalHeaders"]!["Content-Security-Policy"]!);
        Assert.Equal(["'self'", "https://func-api-abc123.azurewebsites.net", "https://login.microsoftonline.com"], policy["connect-src"]);
        Assert.Equal(["'self'", "https://login.microsoftonline.com"], policy["frame-src"]);
        Assert.Equal(["'self'", "'wasm-unsafe-eval'"], policy["script-src"]);
        Assert.Equal("/index.html", (string?)config["navigationFallback"]?["rewrite"]);
    }

    [Fact]
    public void Without_a_setting_the_hook_fails_naming_it_and_writes_nothing()
    {
        Publish();
        var incomplete = new Dictionary<string, string>(AzdEnvironment);
        incomplete.Remove("PORTAL_CLIENT_ID");

        var result = RunHook(incomplete);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("PORTAL_CLIENT_ID is not set", result.Error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(wwwroot.FullName, "appsettings.json")));
    }

    [Fact]
    public void Both_hook_scripts_read_exactly_the_portal_outputs_of_the_template()
    {
        var outputs = JsonNode.Parse(template.Compiled)!["outputs"]!.AsObject()
            .Select(output => output.Key)
            .Where(name => name.StartsWith("PORTAL_", StringComparison.Ordinal))
            .Order()
            .ToList();

        Assert.Equal(AzdEnvironment.Keys.Order(), outputs);
        foreach (var script in new[] { "write-portal-settings.sh", "write-portal-settings.ps1" })
        {
            var read = PortalVariable().Matches(File.ReadAllText(RepositoryPaths.Combine("scripts", script))).Select(match => match.Value).Distinct().Order();
            Assert.Equal(outputs, read);
        }
    }

    /// <summary>What the hook finds after `dotnet publish`: index.html, the checked-in config, the build's empty settings and their compressed copy.</summary>
    private void Publish()
    {
        File.WriteAllText(Path.Combine(wwwroot.FullName, "index.html"), "<!DOCTYPE html>");
        File.Copy(StaticWebAppConfigTests.Path, Path.Combine(wwwroot.FullName, "staticwebapp.config.json"));
        File.WriteAllText(Path.Combine(wwwroot.FullName, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(wwwroot.FullName, "appsettings.json.br"), "stale");
    }

    private PortalSettings Bind() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(wwwroot.FullName, "appsettings.json")).Build()
            .GetSection(PortalSettings.SectionName).Get<PortalSettings>()!;

    private (int ExitCode, string Error) RunHook(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.Combine("scripts", "write-portal-settings.sh"));
        start.ArgumentList.Add(wwwroot.FullName);
        foreach (var name in AzdEnvironment.Keys)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    [GeneratedRegex(@"PORTAL_[A-Z_]+")]
    private static partial Regex PortalVariable();
}
