using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Worklist;

/// <summary>
/// The clinic's worklist as stored: each prescription's <see cref="WorklistSummary"/>, newest first, one range read a page.
/// The summaries are written by the prescription, follow-up and alert ports in the same transaction as each change.
/// </summary>
public interface IWorklist
{
    Task<ResultPage<WorklistSummary>> ListAsync(string clinicId, WorklistFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
