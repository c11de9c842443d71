using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Worklist;

/// <summary>
/// The worklist screen's order: the lines needing attention first (as the API's attention filter answers them), then
/// the rest, each line once, each with the open alerts raised on its prescription.
/// </summary>
public static class WorklistBoard
{
    public static IReadOnlyList<WorklistRow> Arrange(IReadOnlyList<WorklistLine> attention, IReadOnlyList<WorklistLine> all, IReadOnlyList<OpenAlert> openAlerts)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(openAlerts);
        var alertsByPrescription = openAlerts.ToLookup(alert => alert.PrescriptionId, StringComparer.Ordinal);
        var first = attention.Select(line => line.PrescriptionId).ToHashSet(StringComparer.Ordinal);
        return attention.Select(line => new WorklistRow(line, NeedsAttention: true, [.. alertsByPrescription[line.PrescriptionId]]))
            .Concat(all.Where(line => !first.Contains(line.PrescriptionId))
                .Select(line => new WorklistRow(line, NeedsAttention: false, [.. alertsByPrescription[line.PrescriptionId]])))
            .ToArray();
    }
}
