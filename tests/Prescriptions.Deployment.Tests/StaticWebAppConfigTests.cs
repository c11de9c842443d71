using System.Text.Json.Nodes;
using Prescriptions.Testing;

namespace Prescriptions.Deployment.Tests;

/// <summary>The portal's wwwroot/staticwebapp.config.json: client-side routes fall back to index.html, files never do; security headers.</summary>
public sealed class StaticWebAppConfigTests
{
    private static readonly JsonNode Config = JsonNode.Parse(File.ReadAllText(Path))!;

    public static string Path => RepositoryPaths.Combine("src", "Prescriptions.Portal", "wwwroot", "staticwebapp.config.json");

    [Fact]
    public void Client_side_routes_fall_back_to_index_html_but_the_framework_and_static_files_do_not()
    {
        var fallback = Config["navigationFallback"]!;
        var exclude = fallback["exclude"]!.AsArray().Select(pattern => (string)pattern!).ToList();

        Assert.Equal("/index.html", (string?)fallback["rewrite"]);
        Assert.Contains("/_framework/*", exclude);
        Assert.Contains("/css/*", exclude);
        // A missing .wasm or .json must answer 404, not index.html (which the runtime would fail to load as a module).
        var extensions = exclude.Single(pattern => pattern.StartsWith("*.{", StringComparison.Ordinal))["*.{".Length..^1].Split(',');
        Assert.Subset(extensions.ToHashSet(), new HashSet<string> { "css", "js", "wasm", "json", "dat", "png", "svg", "ico" });
    }

    [Fact]
    public void The_content_security_policy_lets_WebAssembly_compile_but_no_script_eval_or_foreign_code()
    {
        var policy = Directives((string)Config["globalHeaders"]!["Content-Security-Policy"]!);

        Assert.Equal(["'self'", "'wasm-unsafe-eval'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["default-src"]);
        // The deploy hook adds the API's and Entra ID's origins to these two (PortalSettingsHookTests).
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'self'"], policy["frame-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["frame-ancestors"]);
        Assert.DoesNotContain(policy.Values.SelectMany(sources => sources), source => source is "*" or "'unsafe-eval'" or "http:" or "https:");
    }

    [Fact]
    public void Responses_carry_the_usual_security_headers_and_the_settings_are_never_cached()
    {
        var headers = Config["globalHeaders"]!;
        var settingsRoute = Config["routes"]!.AsArray().Single(route => (string?)route!["route"] == "/appsettings.json")!;

        Assert.Equal("nosniff", (string?)headers["X-Content-Type-Options"]);
        Assert.Equal("SAMEORIGIN", (string?)headers["X-Frame-Options"]);
        Assert.Equal("no-referrer", (string?)headers["Referrer-Policy"]);
        Assert.StartsWith("max-age=", (string?)headers["Strict-Transport-Security"], StringComparison.Ordinal);
        Assert.Equal("no-store", (string?)settingsRoute["headers"]?["Cache-Control"]);
    }

    internal static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..], StringComparer.Ordinal);
}
