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
}
