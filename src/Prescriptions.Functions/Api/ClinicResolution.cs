using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Which of the caller's clinics a request acts for: one they have, never one from elsewhere.</summary>
public static class ClinicResolution
{
    public static string Resolve(Caller caller, string? requested, string field = "clinicId")
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.ClinicIds.Count == 0)
        {
            throw new ApiProblemException(Problems.Forbidden("Your token is not mapped to any clinic."));
        }

        if (!string.IsNullOrEmpty(requested))
        {
            return caller.BelongsTo(requested)
                ? requested
                : throw new ApiProblemException(Problems.Forbidden($"You do not act for clinic '{requested}'.") with
                {
                    Errors = new Dictionary<string, string[]> { [field] = ["is not one of your clinics"] },
                });
        }

        return caller.ClinicIds.Count == 1
            ? caller.ClinicIds[0]
            : throw new ApiProblemException(Problems.Validation(field, $"is required: you act for {caller.ClinicIds.Count} clinics"));
    }
}
