namespace Prescriptions.Application.Handouts;

/// <summary>
/// The handout's own words (headings, labels, the check-in text) in the patient's language, so the layout only places
/// them. The <c>{0}</c> formats (<see cref="HowMuch"/>, <see cref="PageOf"/>) are filled in <see cref="Language"/>.
/// </summary>
public sealed record HandoutLabels
{
    /// <summary>The language tag the handout is written in ("es", "de-CH").</summary>
    public required string Language { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Exercises { get; init; }
    public required string WhenToStop { get; init; }
    public required string ForThisStage { get; init; }
    public required string StopAndCall { get; init; }
    public required string HowMuch { get; init; }
    public required string Steps { get; init; }
    public required string Tips { get; init; }
    public required string TakeCare { get; init; }
    public required string Note { get; init; }
    public required string CheckInTitle { get; init; }
    public required string CheckInText { get; init; }
    public required string PageOf { get; init; }
}
