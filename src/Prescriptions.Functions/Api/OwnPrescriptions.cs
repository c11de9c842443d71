using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Finds a prescription among the caller's clinics only (another clinic's is 404).</summary>
public sealed class OwnPrescriptions(PrescriptionService service)
{
    public async Task<Versioned<Prescription>> FindAsync(ApiRequest call, string prescriptionId)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (await service.FindAsync(call.Caller.ClinicIds, prescriptionId, call.CancellationToken)).OrThrow();
    }

    /// <summary>
    /// The preconditions of a change, before its body is read: If-Match present (428), the prescription found (404),
    /// If-Match accepting its version (412). The stored version token it answers is what the use case is then given.
    /// </summary>
    public async Task<Versioned<Prescription>> FindMatchingAsync(ApiRequest call, string prescriptionId)
    {
        var ifMatch = Preconditions.RequireIfMatch(call);
        var stored = await FindAsync(call, prescriptionId);
        Preconditions.EnsureMatches(ifMatch, stored.ETag);
        return stored;
    }
}
