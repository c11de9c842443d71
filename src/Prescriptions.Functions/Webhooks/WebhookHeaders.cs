using System.Net.Http.Headers;
using System.Reflection;

namespace Prescriptions.Functions.Webhooks;

/// <summary>The Standard Webhooks headers, and the User-Agent every delivery sends.</summary>
public static class WebhookHeaders
{
    /// <summary>The product and its version (the assembly's, without the build's commit), so partners can tell our calls apart in their logs.</summary>
    public static readonly ProductInfoHeaderValue UserAgent = new("Prescriptions", ProductVersion());

    /// <summary>The event id: the same on every delivery of the event, so receivers can drop duplicates.</summary>
    public const string Id = "webhook-id";

    /// <summary>Unix seconds when the delivery was signed; receivers reject old ones (replay protection).</summary>
    public const string Timestamp = "webhook-timestamp";

    public const string Signature = "webhook-signature";

    private static string ProductVersion()
    {
        var assembly = typeof(WebhookHeaders).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return version.Split('+')[0];
    }
}
