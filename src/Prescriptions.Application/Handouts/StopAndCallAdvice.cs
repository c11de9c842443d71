namespace Prescriptions.Application.Handouts;

/// <summary>
/// The general "stop and call us" list every handout carries, written for patients (short sentences, everyday words).
/// The library's own stop rules for a phase come first; these are the warning signs that hold for any programme.
/// </summary>
public static class StopAndCallAdvice
{
    public static IReadOnlyList<string> CallTheClinic { get; } =
    [
        "Your pain is much worse and does not ease within a day.",
        "You have new swelling, redness or heat around the sore area.",
        "You have new numbness, tingling or weakness.",
        "Your calf is painful, swollen or warm.",
        "You had an operation and your wound leaks, smells, or you have a fever.",
        "You fall, or you hurt yourself while you exercise.",
    ];

    public const string Emergency =
        "Call an ambulance at once if you have chest pain, sudden shortness of breath, or sudden weakness of your face, arm or leg.";
}
