namespace Prescriptions.Portal.Api;

/// <summary>A range-of-motion cap (openapi.json's RomLimit).</summary>
public sealed record RomCap(string Joint, string Motion, int MaxDegrees, string? AppliesFrom);
