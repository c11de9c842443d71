using Microsoft.AspNetCore.Http;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>How a prescription is answered: the resource with its ETag (and, when created, its Location).</summary>
public static class PrescriptionAnswers
{
    public static ApiResult Read(Versioned<Prescription> stored, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var headers = new Dictionary<string, string>(extraHeaders ?? new Dictionary<string, string>()) { ["ETag"] = EntityTags.Strong(stored.ETag) };
        if (status == StatusCodes.Status201Created)
        {
            headers["Location"] = $"/api/prescriptions/{stored.Value.Id}";
        }

        return ApiResult.Json(stored.Value, status, headers);
    }

    /// <summary>A change's outcome: the new version, or its problem.</summary>
    public static ApiResult Read(Outcome<Versioned<Prescription>> outcome) => Read(outcome.OrThrow());

    /// <summary>A create's outcome: 201 with the new prescription, marked when it replays the first answer to the key.</summary>
    public static ApiResult Created(Outcome<CreatedPrescription> outcome)
    {
        var created = outcome.OrThrow();
        return Read(created.Stored, StatusCodes.Status201Created,
            created.Replayed ? new Dictionary<string, string> { [IdempotencyKeys.ReplayedHeader] = "true" } : null);
    }
}
