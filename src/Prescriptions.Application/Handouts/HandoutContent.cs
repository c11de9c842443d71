using Prescriptions.Application.Language;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Handouts;

/// <summary>
/// Builds a handout's words from a prescription and the library version it was assembled with: the home exercises
/// only (clinic techniques are the therapist's), each with the library's steps and the dose in the patient's words, all in
/// the patient's language (<see cref="PatientWords"/>; the exercises through <see cref="PatientExerciseText"/>, the
/// condition's and phase's names through their <c>NameIn</c>).
/// </summary>
public static partial class HandoutContent
{
    public static Handout Build(Prescription prescription, ExerciseLibrary library, string clinicName, DateOnly printedOn, Uri? checkInLink, PatientWords words)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(words);
        var condition = library.FindCondition(prescription.ConditionId);
        var phase = condition?.FindPhase(prescription.Phase);
        var homeItems = prescription.Items.Where(item => item.Delivery == Delivery.Home).ToList();
        var exercises = homeItems.Select(item =>
        {
            var exercise = library.FindExercise(item.ExerciseId) is { } found ? PatientExerciseText.For(found, words.Tag) : null;
            return new HandoutExercise
            {
                Name = exercise?.Name ?? item.Name,
                Summary = exercise?.Summary,
                Steps = exercise is { Instructions.Count: > 0 } ? exercise.Instructions : [words["Handout_DefaultStep"]],
                Dose = PatientDose.Text(item.Dose, words),
                Tips = exercise?.Cues ?? [],
                Safety = exercise?.Safety ?? [],
                TherapistNotes = string.IsNullOrWhiteSpace(item.Notes) ? null : item.Notes.Trim(),
            };
        }).ToList();

        // The phase's stop rules for the categories on this programme, in the patient's language, once each, without
        // the literature references.
        var stopRules = phase is null
            ? []
            : homeItems.SelectMany(item => phase.DoseProfile.For(item.Category)?.StopRulesIn(words.Tag) ?? [])
                .Select(ForPatients)
                .Distinct(StringComparer.Ordinal)
                .ToList();

        var firstName = string.IsNullOrWhiteSpace(prescription.FollowUp?.FirstName) ? null : prescription.FollowUp.FirstName.Trim();
        var startDate = prescription.StartDate ?? (prescription.ActivatedAt is { } activated ? DateOnly.FromDateTime(activated.UtcDateTime) : null);
        return new Handout
        {
            ClinicName = clinicName,
            Labels = Labels(words),
            FirstName = firstName,
            ForLine = firstName is null ? null : words.Format("Handout_For", firstName),
            ConditionName = condition?.NameIn(words.Tag) ?? prescription.ConditionId,
            PhaseText = condition is null || phase is null
                ? words.Format("Handout_PhaseOnly", prescription.Phase)
                : words.Format("Handout_Phase", prescription.Phase, condition.Phases.Count, phase.NameIn(words.Tag)),
            StartDate = startDate,
            StartLine = startDate is { } start ? words.Format("Handout_StartDate", words.Date(start)) : null,
            PrintedOn = printedOn,
            PrintedLine = words.Format("Handout_PrintedOn", words.Date(printedOn)),
            Exercises = exercises,
            ProgrammeStopRules = stopRules,
            StopAndCall = StopAndCallAdvice.CallTheClinic(words),
            Emergency = StopAndCallAdvice.Emergency(words),
            CheckInLink = checkInLink,
            FileName = $"exercise-handout-{prescription.Id}.pdf",
        };
    }

    private static HandoutLabels Labels(PatientWords words) => new()
    {
        Language = words.Tag,
        Title = words["Handout_Title"],
        Intro = words["Handout_Intro"],
        Exercises = words["Handout_Exercises"],
        WhenToStop = words["Handout_WhenToStop"],
        ForThisStage = words["Handout_ForThisStage"],
        StopAndCall = words["Handout_StopAndCall"],
        HowMuch = words["Handout_HowMuch"],
        Steps = words["Handout_Steps"],
        Tips = words["Handout_Tips"],
        TakeCare = words["Handout_TakeCare"],
        Note = words["Handout_Note"],
        CheckInTitle = words["Handout_CheckInTitle"],
        CheckInText = words["Handout_CheckInText"],
        PageOf = words["Handout_PageOf"],
    };

    /// <summary>A rule without its source in brackets ("(Silverberg et al. 2020)"), as a sentence: patients need the rule, therapists the source.</summary>
    internal static string ForPatients(string rule)
    {
        var text = SourceInBrackets().Replace(rule, string.Empty).Trim();
        return text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    [GeneratedRegex(@"\s*\((?=[^()]*(?:et al\.|ACSM|GLA:D|\b(?:19|20)\d{2}\b))[^()]*\)")]
    private static partial Regex SourceInBrackets();
}
