using System.Text.Json;
using Hl7.Fhir.Model;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.Fhir;

/// <summary>
/// A dose in FHIR terms. R4 has no fields for sets and reps (its own "benchpress" example writes them in
/// patientInstruction), so the dose goes three ways: readable text for the patient, a Timing for how often,
/// and the structured figures in our exercise-dose extension for systems that want them.
/// </summary>
public static class DoseFhir
{
    private const int DaysPerWeek = 7;

    /// <summary>The readable dose (R4 has no fields for sets and reps); the same words the patient's check-in page shows.</summary>
    public static string PatientInstruction(Dose dose) => DoseInstructions.PatientText(dose);

    /// <summary>
    /// How often. Timing has one frequency per period, so every day becomes "sessions per day" and fewer days
    /// "sessions per week"; the exact split stays in the extension and the instruction text.
    /// </summary>
    public static Timing Timing(Dose dose, Period? bounds)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var everyDay = dose.DaysPerWeek >= DaysPerWeek;
        return new Timing
        {
            Repeat = new Timing.RepeatComponent
            {
                Bounds = bounds,
                Frequency = everyDay ? dose.SessionsPerDay : dose.SessionsPerDay * dose.DaysPerWeek,
                Period = 1,
                PeriodUnit = everyDay ? Hl7.Fhir.Model.Timing.UnitsOfTime.D : Hl7.Fhir.Model.Timing.UnitsOfTime.Wk,
            },
        };
    }

    /// <summary>The structured dose: one sub-extension per figure present, named as in our JSON API.</summary>
    public static Extension Extension(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var extension = new Extension { Url = FhirUrls.ExerciseDoseExtension };
        Add(extension, "sets", dose.Sets);
        Add(extension, "reps", dose.Reps);
        Add(extension, "durationSeconds", dose.DurationSeconds);
        Add(extension, "holdSeconds", dose.HoldSeconds);
        Add(extension, "restSeconds", dose.RestSeconds);
        Add(extension, "rpe", dose.Rpe);
        if (!string.IsNullOrWhiteSpace(dose.Tempo))
        {
            extension.Extension.Add(new Extension("tempo", new FhirString(dose.Tempo)));
        }

        if (dose.Load is { } load)
        {
            var loadExtension = new Extension { Url = "load" };
            loadExtension.Extension.Add(new Extension("kind", new Code(ApiName(load.Kind))));
            if (load.Value is { } value)
            {
                loadExtension.Extension.Add(new Extension("value", new FhirDecimal((decimal)value)));
            }

            if (!string.IsNullOrWhiteSpace(load.Band))
            {
                loadExtension.Extension.Add(new Extension("band", new FhirString(load.Band)));
            }

            extension.Extension.Add(loadExtension);
        }

        if (dose.Side is { } side)
        {
            extension.Extension.Add(new Extension("side", new Code(ApiName(side))));
        }

        Add(extension, "sessionsPerDay", dose.SessionsPerDay);
        Add(extension, "daysPerWeek", dose.DaysPerWeek);
        return extension;
    }

    /// <summary>Enum values as the JSON API writes them (camelCase), so both representations agree.</summary>
    private static string ApiName<T>(T value)
        where T : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static void Add(Extension extension, string name, int? value)
    {
        if (value is { } number)
        {
            extension.Extension.Add(new Extension(name, new Integer(number)));
        }
    }
}
