namespace Prescriptions.Application.Handouts;

/// <summary>
/// The patient's printed handout in plain words, ready to be laid out: who it is from and for, when, each home exercise,
/// when to stop, and the check-in link (when follow-ups are on). Nothing here knows about pages or fonts.
/// </summary>
public sealed record Handout
{
    public required string ClinicName { get; init; }

    /// <summary>The headings and labels in the patient's language.</summary>
    public required HandoutLabels Labels { get; init; }

    /// <summary>"For Ana", in the patient's language; null without a first name.</summary>
    public string? ForLine { get; init; }

    /// <summary>"Start date: 7 December 2026" and "Printed on: ...", dates written as the patient's language writes them.</summary>
    public string? StartLine { get; init; }
    public required string PrintedLine { get; init; }

    /// <summary>The follow-up's first name; null when the therapist gave none (the handout then greets no one).</summary>
    public string? FirstName { get; init; }
    public required string ConditionName { get; init; }

    /// <summary>"Phase 2 of 4: Controlled motion".</summary>
    public required string PhaseText { get; init; }
    public DateOnly? StartDate { get; init; }
    public required DateOnly PrintedOn { get; init; }
    public required IReadOnlyList<HandoutExercise> Exercises { get; init; }

    /// <summary>The phase's own rules for easing back or stopping, as the library words them for patients.</summary>
    public IReadOnlyList<string> ProgrammeStopRules { get; init; } = [];

    /// <summary>When to stop and call the clinic (or emergency services), for every patient.</summary>
    public required IReadOnlyList<string> StopAndCall { get; init; }

    /// <summary>When not to wait for the clinic: call an ambulance.</summary>
    public required string Emergency { get; init; }

    /// <summary>The signed check-in link; null when the prescription has no follow-ups.</summary>
    public Uri? CheckInLink { get; init; }

    /// <summary>A file name for the download: the prescription's id, nothing about the patient.</summary>
    public required string FileName { get; init; }
}
