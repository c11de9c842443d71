using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Finds a prescription among the caller's clinics only (another clinic's is 404), for the read-only routes.</summary>
public sealed class OwnPrescriptions(PrescriptionService service)
{
    public async Task<Versioned<Prescription>> FindAsync(ApiRequest call, string prescriptionId)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (await service.FindAsync(call.Caller.ClinicIds, prescriptionId, call.CancellationToken)).OrThrow();
    }
}
