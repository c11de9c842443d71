namespace Prescriptions.Domain.Patients;

/// <summary>
/// An erasure of one patient and everything about them. While under way it is kept with the patient's id (so a repeated
/// request resumes it and a new prescription for that id is refused); once complete only <see cref="Tombstone"/> stays.
/// </summary>
public sealed record PatientErasure(string Id, string PatientId, string ErasedBy, DateTimeOffset StartedAt)
{
    /// <summary>Prescriptions erased so far.</summary>
    public int Prescriptions { get; init; }

    /// <summary>Rows deleted so far, in the clinic's table and the follow-up schedule.</summary>
    public int Rows { get; init; }

    public static string NewId() => $"era_{Guid.CreateVersion7():N}";

    public PatientErasure Counted(int prescriptions, int rows) => this with { Prescriptions = Prescriptions + prescriptions, Rows = Rows + rows };

    /// <summary>What stays once the erasure is complete: who, when and how much, and nothing about the patient.</summary>
    public ErasureTombstone Tombstone(DateTimeOffset completedAt) => new(Id, ErasedBy, StartedAt, completedAt, Prescriptions, Rows);
}
