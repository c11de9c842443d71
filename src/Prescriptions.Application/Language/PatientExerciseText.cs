using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Language;

/// <summary>
/// The one door every exercise text a patient reads goes through. Today it is the library's English; once the library
/// carries per-language texts this becomes <c>exercise.WordingIn(language)</c> (with its English fallback).
/// </summary>
public static class PatientExerciseText
{
    public static PatientExerciseWording For(Exercise exercise, string language)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        _ = language;
        return new PatientExerciseWording(exercise.Name, exercise.Summary, exercise.Instructions, exercise.Cues, exercise.Safety);
    }
}
