using System.Globalization;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Worklist;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The worklist in memory: the last summary each write stored, listed newest first with the table adapter's filters.</summary>
internal sealed class InMemoryWorklist : IWorklist
{
    public Dictionary<string, WorklistSummary> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>What a port stores with its write (null: the line is left as it is).</summary>
    public void Keep(WorklistSummary? summary)
    {
        if (summary is not null)
        {
            Lines[summary.PrescriptionId] = summary;
        }
    }

    public Task<ResultPage<WorklistSummary>> ListAsync(string clinicId, WorklistFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var offset = continuationToken is null ? 0 : int.Parse(continuationToken, CultureInfo.InvariantCulture);
        var matching = Lines.Values
            .Where(s => s.ClinicId == clinicId && (filter.Status is null || s.Status == filter.Status) && (!filter.AttentionOnly || s.NeedsAttention)
                && (filter.PatientId is null || s.PatientId == filter.PatientId))
            .OrderByDescending(s => s.CreatedAt).Skip(offset).Take(pageSize + 1).ToList();
        var next = matching.Count > pageSize ? (offset + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ResultPage<WorklistSummary>([.. matching.Take(pageSize)], next));
    }
}
