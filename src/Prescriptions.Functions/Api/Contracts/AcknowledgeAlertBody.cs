namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST /api/alerts/{alertId}/acknowledge: an optional note (at most 1000 characters).</summary>
public sealed record AcknowledgeAlertBody
{
    public string? Note { get; init; }
}
