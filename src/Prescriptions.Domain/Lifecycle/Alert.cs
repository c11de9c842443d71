using System.Security.Cryptography;
using System.Text;

namespace Prescriptions.Domain.Lifecycle;

/// <summary>
/// Something about a patient a therapist should see. The id is derived from what raised it (the prescription, the kind
/// and its occasion), so the same occasion never raises two alerts.
/// </summary>
public sealed record Alert(string Id, string PrescriptionId, AlertKind Kind, DateTimeOffset RaisedAt, string Message)
{
    public static Alert Raise(string prescriptionId, AlertKind kind, string occasion, DateTimeOffset raisedAt, string message)
    {
        ArgumentNullException.ThrowIfNull(prescriptionId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{prescriptionId}|{kind}|{occasion}"));
        return new Alert("alrt_" + Convert.ToHexStringLower(hash)[..24], prescriptionId, kind, raisedAt, message);
    }

    /// <summary>Whether a text can be an alert id at all (anything else is simply not found).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 29 } && id.StartsWith("alrt_", StringComparison.Ordinal) && !id.AsSpan(5).ContainsAnyExcept(HexDigits);

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>Open until a therapist acknowledges it; an acknowledged alert stays acknowledged.</summary>
    public AlertStatus Status { get; init; } = AlertStatus.Open;

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who acknowledged it (the caller's subject).</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>The therapist's note on acknowledging, if any.</summary>
    public string? Note { get; init; }

    /// <summary>The alert acknowledged by <paramref name="subject"/> at <paramref name="at"/>; an acknowledged one as it is.</summary>
    public Alert Acknowledge(string subject, string? note, DateTimeOffset at) =>
        Status == AlertStatus.Acknowledged ? this : this with { Status = AlertStatus.Acknowledged, AcknowledgedAt = at, AcknowledgedBy = subject, Note = note };
}
