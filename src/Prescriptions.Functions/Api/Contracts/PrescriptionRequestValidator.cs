using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>Checks request bodies field by field and turns them into domain values; every error names its JSON path.</summary>
public static partial class PrescriptionRequestValidator
{
    public const int MaxExercisesLimit = 12;
    public const int MinMinutes = 5, MaxMinutes = 120;
    public const int MaxWeeks = 52;
    public const int MaxCheckInEveryDays = 30;
    public const int MaxNotesLength = 1000;

    public const int MaxReasonLength = 1000;

    /// <summary>The earliest surgery or injury date a program may count from.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>
    /// The assembly request of a body as of <paramref name="now"/> (time since surgery or injury counts to that day),
    /// or null with the errors recorded.
    /// </summary>
    public static AssemblyRequest? ToAssemblyRequest(AssembleBody body, ExerciseLibrary library, ValidationErrors errors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(errors);
        RequireId(body.PatientId, "patientId", errors);
        if (body.ClinicId is not null)
        {
            RequireId(body.ClinicId, "clinicId", errors);
        }

        Condition? condition = null;
        if (string.IsNullOrWhiteSpace(body.ConditionId))
        {
            errors.Add("conditionId", "is required");
        }
        else if ((condition = library.FindCondition(body.ConditionId)) is null)
        {
            errors.Add("conditionId", $"'{body.ConditionId}' is not a condition of library {library.Version}");
        }

        if (body.Phase is null)
        {
            errors.Add("phase", "is required");
        }
        else if (condition is not null && condition.FindPhase(body.Phase.Value) is null)
        {
            errors.Add("phase", $"must be one of {condition.Name}'s phases 1-{condition.Phases.Count}");
        }

        var constraints = ToConstraints(body.Constraints, library, errors);
        var others = ToOtherConditions(body.OtherConditions, library, errors);
        CheckDate(body.SurgeryDate, "surgeryDate", now, errors);
        CheckDate(body.InjuryDate, "injuryDate", now, errors);
        return errors.IsEmpty && constraints is not null
            ? new AssemblyRequest(body.ConditionId!, body.Phase!.Value, body.Side, constraints)
            {
                OtherConditions = others,
                SurgeryDate = body.SurgeryDate,
                InjuryDate = body.InjuryDate,
                AsOf = now,
            }
            : null;
    }

    private static void CheckDate(DateOnly? date, string field, DateTimeOffset now, ValidationErrors errors)
    {
        if (date is not { } day)
        {
            return;
        }

        if (day < EarliestDate)
        {
            errors.Add(field, $"must be {EarliestDate:yyyy-MM-dd} or later");
        }
        else if (day > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            // A day of slack: the therapist's local date can be ahead of UTC.
            errors.Add(field, "must not be in the future");
        }
    }

    /// <summary>An override of unmet entry (or exit) criteria must say why.</summary>
    public static void CheckOverride(bool? isOverride, string? reason, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (isOverride == true && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "is required when override is true");
        }
        else if (reason is not null && (reason.Length > MaxReasonLength || reason.Any(c => char.IsControl(c) && c is not '\n' and not '\r')))
        {
            errors.Add("reason", $"must be at most {MaxReasonLength} characters without control characters");
        }
    }

    private static List<ConditionPhase> ToOtherConditions(IReadOnlyList<ConditionPhaseBody>? bodies, ExerciseLibrary library, ValidationErrors errors)
    {
        var others = new List<ConditionPhase>();
        for (var i = 0; i < (bodies?.Count ?? 0); i++)
        {
            var other = bodies![i];
            var condition = other?.ConditionId is { } id ? library.FindCondition(id) : null;
            if (condition is null)
            {
                errors.Add($"otherConditions[{i}].conditionId", $"'{other?.ConditionId}' is not a condition of library {library.Version}");
            }
            else if (other!.Phase is not { } phase || condition.FindPhase(phase) is null)
            {
                errors.Add($"otherConditions[{i}].phase", $"must be one of {condition.Name}'s phases 1-{condition.Phases.Count}");
            }
            else
            {
                others.Add(new ConditionPhase(condition.Id, phase));
            }
        }

        return others;
    }

    /// <summary>The therapist's items; <paramref name="field"/> names the list in errors (a PUT also sends clinicItems, which may be empty).</summary>
    public static IReadOnlyList<ProposedItem>? ToProposedItems(IReadOnlyList<ItemBody>? items, ValidationErrors errors, string field = "items", bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0 && !allowEmpty)
        {
            errors.Add(field, "give at least one item, or leave items out to let the engine assemble the program");
        }

        var proposed = new List<ProposedItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                errors.Add($"{field}[{i}]", "must be an object");
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.ExerciseId))
            {
                errors.Add($"{field}[{i}].exerciseId", "is required");
                continue;
            }

            if (item.Notes?.Length > MaxNotesLength)
            {
                errors.Add($"{field}[{i}].notes", $"must be at most {MaxNotesLength} characters");
            }

            proposed.Add(new ProposedItem(item.ExerciseId, item.Dose, item.Notes));
        }

        return proposed;
    }

    public const int MaxFirstNameLength = 50;
    public const int MaxLanguageTagLength = 35;

    /// <summary>HH:mm as clients write it, and HH:mm:ss as GET answers it (so a read contact can be sent back).</summary>
    private static readonly string[] ReminderTimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>
    /// The follow-up, or null with the errors recorded. With <paramref name="emailFromPatient"/> (a registered patient)
    /// the email may be left out: it is then empty, and the use case takes the patient's.
    /// </summary>
    public static FollowUp? ToFollowUp(FollowUpBody? body, ValidationErrors errors, bool emailFromPatient = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body is null)
        {
            return null;
        }

        var fromPatient = emailFromPatient && body.Email is null;
        if (!fromPatient && (string.IsNullOrWhiteSpace(body.Email) || !MailAddress.TryCreate(body.Email, out var address) || address.Address != body.Email))
        {
            errors.Add("followUp.email", "must be an email address");
        }

        if (string.IsNullOrWhiteSpace(body.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(body.TimeZone, out _))
        {
            errors.Add("followUp.timeZone", "must be an IANA time zone such as Europe/Berlin");
        }

        var time = default(TimeOnly);
        if (body.ReminderTime is null || !TimeOnly.TryParseExact(body.ReminderTime, ReminderTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            errors.Add("followUp.reminderTime", "must be a local time as HH:mm");
        }

        if (body.CheckInEveryDays is not (>= 1 and <= MaxCheckInEveryDays))
        {
            errors.Add("followUp.checkInEveryDays", $"must be 1-{MaxCheckInEveryDays}");
        }

        if (body.FirstName is { } firstName && (string.IsNullOrWhiteSpace(firstName) || firstName.Length > MaxFirstNameLength || firstName.Any(char.IsControl) || firstName.IndexOfAny(['<', '>', '@', '/', ':']) >= 0))
        {
            errors.Add("followUp.firstName", $"must be 1-{MaxFirstNameLength} characters of a name (no control characters, no <, >, @, /, :)");
        }

        if (body.PreferredLanguage is { } language && (language.Length > MaxLanguageTagLength || !PatientRequestValidator.IsLanguageTag(language)))
        {
            errors.Add("followUp.preferredLanguage", "must be a BCP 47 language tag such as en, es or de-CH");
        }

        return errors.IsEmpty
            ? new FollowUp(fromPatient ? string.Empty : body.Email!, body.TimeZone!, time, body.CheckInEveryDays!.Value) { FirstName = body.FirstName?.Trim(), PreferredLanguage = body.PreferredLanguage }
            : null;
    }

    public static void CheckSchedule(int? weeks, string? externalId, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (weeks is < 1 or > MaxWeeks)
        {
            errors.Add("weeks", $"must be 1-{MaxWeeks}");
        }

        if (externalId is not null && (externalId.Length is 0 or > 128 || externalId.Any(char.IsControl)))
        {
            errors.Add("externalId", "must be 1-128 characters without control characters");
        }
    }

    public static PatientConstraints? ToConstraints(ConstraintsBody? body, ExerciseLibrary library, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(errors);
        if (body is null)
        {
            return new PatientConstraints();
        }

        if (body.MaxExercises is < 1 or > MaxExercisesLimit)
        {
            errors.Add("constraints.maxExercises", $"must be 1-{MaxExercisesLimit}");
        }

        if (body.MaxMinutesPerSession is < MinMinutes or > MaxMinutes)
        {
            errors.Add("constraints.maxMinutesPerSession", $"must be {MinMinutes}-{MaxMinutes}");
        }

        var exclusions = body.ExcludeExerciseIds ?? [];
        for (var i = 0; i < exclusions.Count; i++)
        {
            if (exclusions[i] is null || library.FindExercise(exclusions[i]) is null)
            {
                errors.Add($"constraints.excludeExerciseIds[{i}]", $"'{exclusions[i]}' is not an exercise of library {library.Version}");
            }
        }

        var tags = body.Precautions ?? [];
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is null || !PrecautionTags.All.Contains(tags[i]))
            {
                errors.Add($"constraints.precautions[{i}]", $"must be one of {string.Join(", ", PrecautionTags.All.Order(StringComparer.Ordinal))}");
            }
        }

        var limits = new List<RomLimit>();
        var romLimits = body.RomLimits ?? [];
        for (var i = 0; i < romLimits.Count; i++)
        {
            var limit = romLimits[i];
            if (limit?.Joint is null || limit.Motion is null || limit.MaxDegrees is not (>= 0 and <= 360))
            {
                errors.Add($"constraints.romLimits[{i}]", "needs joint, motion and maxDegrees (0-360)");
                continue;
            }

            limits.Add(new RomLimit(limit.Joint.Value, limit.Motion.Value, limit.MaxDegrees.Value, limit.AppliesFrom ?? MotionMode.Passive));
        }

        return new PatientConstraints
        {
            WeightBearing = body.WeightBearing,
            UpperLimbWeightBearing = body.UpperLimbWeightBearing,
            Equipment = body.Equipment,
            MaxMinutesPerSession = body.MaxMinutesPerSession,
            MaxExercises = body.MaxExercises ?? PatientConstraints.DefaultMaxExercises,
            ExcludeExerciseIds = exclusions,
            Precautions = tags,
            RomLimits = limits,
        };
    }

    private static void RequireId(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (!Identifier().IsMatch(value))
        {
            errors.Add(field, "must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Identifier();
}
