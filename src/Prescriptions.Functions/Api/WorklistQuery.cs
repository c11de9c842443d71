using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>The worklist's query string (<c>status</c>, <c>attention</c>, <c>patientId</c>); a bad value is a 400 naming the parameter.</summary>
public static class WorklistQuery
{
    public const int MaxPageSize = 100;

    private static readonly string[] WorklistOnly = ["status", "attention", "patientId", "pageSize", "continuationToken"];

    public static WorklistFilter Filter(ApiRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var status = QueryValues.Enum<PrescriptionStatus>(call, "status");
        var attention = call.Query("attention") switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => throw new ApiProblemException(Problems.Validation("attention", "must be true or false")),
        };
        var patientId = call.Query("patientId") is { Length: > 0 } text ? text : null;
        return new WorklistFilter(status, attention, patientId);
    }

    /// <summary>A lookup by the EHR's id is one answer, not a page of the worklist: its parameters are refused with it, not ignored.</summary>
    public static void RefuseWithExternalId(ApiRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (WorklistOnly.FirstOrDefault(name => call.Query(name) is not null) is { } name)
        {
            throw new ApiProblemException(Problems.Validation(name, "cannot be combined with externalId (the lookup by the EHR's id answers every match at once)"));
        }
    }
}
