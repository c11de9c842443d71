using System.Globalization;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Handouts;

/// <summary>
/// Builds a handout's words from a prescription and the library version it was assembled with: the home exercises
/// only (clinic techniques are the therapist's), each with the library's steps and the dose in the patient's words.
/// </summary>
public static partial class HandoutContent
{
    public static Handout Build(Prescription prescription, ExerciseLibrary library, string clinicName, DateOnly printedOn, Uri? checkInLink)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(library);
        var condition = library.FindCondition(prescription.ConditionId);
        var phase = condition?.FindPhase(prescription.Phase);
        var homeItems = prescription.Items.Where(item => item.Delivery == Delivery.Home).ToList();
        var exercises = homeItems.Select(item =>
        {
            var exercise = library.FindExercise(item.ExerciseId);
            return new HandoutExercise
            {
                Name = item.Name,
                Summary = exercise?.Summary,
                Steps = exercise is { Instructions.Count: > 0 } ? exercise.Instructions : ["Do this exercise as your therapist showed you."],
                Dose = DoseInstructions.PatientText(item.Dose),
                Tips = exercise?.Cues ?? [],
                Safety = exercise?.Safety ?? [],
                TherapistNotes = string.IsNullOrWhiteSpace(item.Notes) ? null : item.Notes.Trim(),
            };
        }).ToList();

        // The phase's stop rules for the categories on this programme, once each, without the literature references.
        var stopRules = phase is null
            ? []
            : homeItems.SelectMany(item => phase.DoseProfile.For(item.Category)?.StopRules ?? [])
                .Select(ForPatients)
                .Distinct(StringComparer.Ordinal)
                .ToList();

        return new Handout
        {
            ClinicName = clinicName,
            FirstName = string.IsNullOrWhiteSpace(prescription.FollowUp?.FirstName) ? null : prescription.FollowUp.FirstName.Trim(),
            ConditionName = condition?.Name ?? prescription.ConditionId,
            PhaseText = condition is null || phase is null
                ? string.Create(CultureInfo.InvariantCulture, $"Phase {prescription.Phase}")
                : string.Create(CultureInfo.InvariantCulture, $"Phase {prescription.Phase} of {condition.Phases.Count}: {phase.Name}"),
            StartDate = prescription.StartDate ?? (prescription.ActivatedAt is { } activated ? DateOnly.FromDateTime(activated.UtcDateTime) : null),
            PrintedOn = printedOn,
            Exercises = exercises,
            ProgrammeStopRules = stopRules,
            StopAndCall = [.. StopAndCallAdvice.CallTheClinic],
            Emergency = StopAndCallAdvice.Emergency,
            CheckInLink = checkInLink,
            FileName = $"exercise-handout-{prescription.Id}.pdf",
        };
    }

    /// <summary>A rule without its source in brackets ("(Silverberg et al. 2020)"), as a sentence: patients need the rule, therapists the source.</summary>
    internal static string ForPatients(string rule)
    {
        var text = SourceInBrackets().Replace(rule, string.Empty).Trim();
        return text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    [GeneratedRegex(@"\s*\((?=[^()]*(?:et al\.|ACSM|GLA:D|\b(?:19|20)\d{2}\b))[^()]*\)")]
    private static partial Regex SourceInBrackets();
}
