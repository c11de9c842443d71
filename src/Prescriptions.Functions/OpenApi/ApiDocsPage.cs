using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Prescriptions.Functions.OpenApi;

/// <summary>
/// The reference page of GET /api/docs: Redocly's page built from openapi.json at build time (see the Functions
/// project file), with Redoc inlined, so it loads nothing from elsewhere (hospital networks often block CDNs). Its
/// Content-Security-Policy allows exactly the page's own inline scripts, by their SHA-256 hashes.
/// </summary>
public sealed partial class ApiDocsPage
{
    public const string ResourceName = "Prescriptions.Functions.OpenApi.api-docs.html";

    // Read once: the page is part of the build.
    private static readonly Lazy<ApiDocsPage> Embedded = new(Load);

    private ApiDocsPage(string html)
    {
        Html = html;
        var scripts = InlineScript().Matches(html)
            .Select(match => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["body"].Value)))}'")
            .Distinct(StringComparer.Ordinal);

        // Redoc styles its components at run time (styled-components writes <style> elements and style attributes), its
        // icons and font are data: URLs, and its search index runs in a worker made from a blob: URL. Nothing else may load.
        ContentSecurityPolicy = string.Join("; ",
            "default-src 'none'",
            $"script-src {string.Join(' ', scripts)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");
    }

    public static ApiDocsPage Current => Embedded.Value;

    public string Html { get; }

    public string ContentSecurityPolicy { get; }

    private static ApiDocsPage Load()
    {
        using var stream = typeof(ApiDocsPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new ApiDocsPage(reader.ReadToEnd());
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
