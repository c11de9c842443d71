using System.Text.RegularExpressions;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// Finds a prescription among the caller's clinics only: another clinic's prescription is simply not found
/// (404), so its existence is never revealed.
/// </summary>
public sealed partial class OwnPrescriptions(IPrescriptionRepository prescriptions)
{
    public async Task<Versioned<Prescription>> FindAsync(ApiRequest call, string prescriptionId)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (prescriptionId is not null && PrescriptionId().IsMatch(prescriptionId))
        {
            foreach (var clinicId in call.Caller.ClinicIds)
            {
                if (await prescriptions.FindAsync(clinicId, prescriptionId, call.CancellationToken) is { } found)
                {
                    return found;
                }
            }
        }

        throw new ApiProblemException(Problems.NotFound($"No prescription '{prescriptionId}'."));
    }

    /// <summary>A new prescription id: time-ordered, so ids sort roughly by creation.</summary>
    public static string NewId() => $"rx-{Guid.CreateVersion7():N}";

    [GeneratedRegex("^rx-[0-9a-f]{32}$")]
    private static partial Regex PrescriptionId();
}
