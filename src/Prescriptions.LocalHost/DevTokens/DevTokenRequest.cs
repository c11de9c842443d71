namespace Prescriptions.LocalHost.DevTokens;

/// <summary>The body of POST /dev/token: which role, for which clinic, as whom.</summary>
public sealed record DevTokenRequest(string? Role = null, string? ClinicId = null, string? Subject = null);
