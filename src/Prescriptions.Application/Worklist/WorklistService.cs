using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Worklist;

/// <summary>The clinic's worklist: its prescriptions newest first (or those needing a therapist), each line with the day's figures.</summary>
public sealed class WorklistService(IWorklist worklist, TimeProvider clock)
{
    public async Task<Outcome<ResultPage<WorklistItem>>> ListAsync(string clinicId, WorklistFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.PatientId is { } patientId && PrescriptionService.CheckPatientId(patientId) is { Failure: { } failure })
        {
            return failure;
        }

        if (filter.MatchesNothing)
        {
            return new ResultPage<WorklistItem>([], null);
        }

        var page = await worklist.ListAsync(clinicId, filter, pageSize, continuationToken, cancellationToken);
        var now = clock.GetUtcNow();
        return new ResultPage<WorklistItem>([.. page.Items.Select(summary => WorklistItem.Of(summary, now))], page.ContinuationToken);
    }
}
