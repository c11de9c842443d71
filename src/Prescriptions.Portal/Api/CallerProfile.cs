namespace Prescriptions.Portal.Api;

/// <summary>The signed-in caller as GET /api/me answers (openapi.json's CallerProfile): the clinics they may act for.</summary>
public sealed record CallerProfile(string Subject, string Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> ClinicIds);
