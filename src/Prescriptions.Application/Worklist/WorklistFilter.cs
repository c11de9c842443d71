using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Worklist;

/// <summary>Which lines of the worklist: of one status, only those needing attention (which are active), of one patient; any combination.</summary>
public sealed record WorklistFilter(PrescriptionStatus? Status, bool AttentionOnly, string? PatientId)
{
    public static WorklistFilter All { get; } = new(null, false, null);

    /// <summary>Attention implies active: asking for another status with it can match nothing.</summary>
    public bool MatchesNothing => AttentionOnly && Status is { } status && status != PrescriptionStatus.Active;
}
