namespace Prescriptions.Portal.Api;

/// <summary>The observation a criterion was judged by (openapi.json's Evidence).</summary>
public sealed record Evidence(string Measure, double Value, string Unit, DateTimeOffset RecordedAt, string Source);
