using Microsoft.AspNetCore.Http;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>How a prescription is answered: the resource with its ETag (and, when created, its Location).</summary>
public static class PrescriptionAnswers
{
    public static ApiResult Read(Versioned<Prescription> stored, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var headers = new Dictionary<string, string>(extraHeaders ?? new Dictionary<string, string>()) { ["ETag"] = stored.ETag };
        if (status == StatusCodes.Status201Created)
        {
            headers["Location"] = $"/api/prescriptions/{stored.Value.Id}";
        }

        return ApiResult.Json(stored.Value, status, headers);
    }

    /// <summary>A changeable prescription (draft or active), or 409.</summary>
    public static Prescription EnsureChangeable(Prescription prescription)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        return prescription.Status is PrescriptionStatus.Draft or PrescriptionStatus.Active
            ? prescription
            : throw new ApiProblemException(Problems.Conflict($"A {prescription.Status.ToString().ToLowerInvariant()} prescription cannot be changed."));
    }
}
