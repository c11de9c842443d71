using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Worklist;

/// <summary>What a write changes that the worklist summary depends on, beyond the prescription itself; the rest is read as stored.</summary>
public sealed record WorklistChange
{
    public static WorklistChange None { get; } = new();

    /// <summary>A prescription being created: nothing stored about it yet, so nothing is read.</summary>
    public static WorklistChange Created { get; } = new() { IsNew = true };

    public bool IsNew { get; init; }

    /// <summary>All the check-ins once the write is stored (null: as stored).</summary>
    public IReadOnlyList<CheckIn>? CheckIns { get; init; }

    /// <summary>Alerts the write raises.</summary>
    public IReadOnlyList<Alert> Raised { get; init; } = [];

    /// <summary>An alert the write acknowledges (it replaces the stored open one).</summary>
    public Alert? Acknowledged { get; init; }

    /// <summary>The registered patient the write has already read (its name is not read again).</summary>
    public Patient? Patient { get; init; }

    /// <summary>A measurement the write records (evidence for readiness).</summary>
    public Measurement? Measured { get; init; }
}
