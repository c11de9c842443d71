using Prescriptions.Application.Language;

namespace Prescriptions.Application.Handouts;

/// <summary>
/// The general "stop and call us" list every handout carries, written for patients (short sentences, everyday words) in
/// their language. The library's own stop rules for a phase come first; these are the warning signs that hold for any programme.
/// </summary>
public static class StopAndCallAdvice
{
    private static readonly string[] Keys = ["Stop_1", "Stop_2", "Stop_3", "Stop_4", "Stop_5", "Stop_6"];

    public static IReadOnlyList<string> CallTheClinic(PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return [.. Keys.Select(key => words[key])];
    }

    public static string Emergency(PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words["Stop_Emergency"];
    }
}
