namespace Prescriptions.Portal.Api;

/// <summary>A resource as read with its ETag, which a change sends back as If-Match (a 412 when someone changed it since).</summary>
public sealed record Versioned<T>(T Value, string ETag);
