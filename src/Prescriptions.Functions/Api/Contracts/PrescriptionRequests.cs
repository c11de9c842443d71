using System.Globalization;
using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The create and replace bodies as the use cases take them; 400 with every field error at once.</summary>
public static class PrescriptionRequests
{
    /// <summary>A preview's body (assemble, eligibility, alternatives) as the engine takes it; <paramref name="check"/> adds a route's own field checks.</summary>
    public static AssemblyRequest ParsePreview<TBody>(TBody body, ExerciseLibrary library, DateTimeOffset now, Action<TBody, ValidationErrors>? check = null)
        where TBody : AssembleBody
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors, now);
        check?.Invoke(body, errors);
        errors.ThrowIfAny();
        return assembly!;
    }

    public static (AssemblyRequest Request, IReadOnlyList<ProposedItem>? Proposed, FollowUp? FollowUp) ParseCreate(CreatePrescriptionBody body, ExerciseLibrary library, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        var assembly = PrescriptionRequestValidator.ToAssemblyRequest(body, library, errors, now);
        PrescriptionRequestValidator.CheckOverride(body.Override, body.Reason, errors);
        var proposed = PrescriptionRequestValidator.ToProposedItems(body.Items, errors);
        var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp, errors, emailFromPatient: Domain.Patients.Patient.IsWellFormedId(body.PatientId));
        PrescriptionRequestValidator.CheckSchedule(body.Weeks, body.ExternalId, errors);
        errors.ThrowIfAny();
        return (assembly!, proposed, followUp);
    }

    /// <summary>A round-tripped PUT: read-only members must equal the <paramref name="stored"/> ones; home and clinic items are re-checked together.</summary>
    public static PrescriptionReplacement ParseReplace(ReplacePrescriptionBody body, Prescription stored, ExerciseLibrary library)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        ReadOnlyMemberValidator.Check(body, stored, errors);
        var constraints = body.Constraints is null ? null : PrescriptionRequestValidator.ToConstraints(body.Constraints, library, errors);
        if (body.Items is null)
        {
            errors.Add("items", "is required: PUT replaces the item list");
        }

        var home = PrescriptionRequestValidator.ToProposedItems(body.Items?.Select(i => i?.ToItemBody()!).ToList(), errors);
        var clinic = PrescriptionRequestValidator.ToProposedItems(body.ClinicItems?.Select(i => i?.ToItemBody()!).ToList(), errors, "clinicItems", allowEmpty: true) ?? [];
        var followUp = PrescriptionRequestValidator.ToFollowUp(body.FollowUp?.ToFollowUpBody(), errors);
        PrescriptionRequestValidator.CheckSchedule(body.Weeks, null, errors);
        errors.ThrowIfAny();
        return new PrescriptionReplacement([.. home!, .. clinic], constraints, body.StartDate, body.Weeks, followUp);
    }

    /// <summary>The engine reviews home and clinic items as one list; its errors name a clinic item by its place in clinicItems.</summary>
    public static Outcome<T> WithClinicItemPaths<T>(Outcome<T> outcome, int homeCount)
    {
        if (outcome.Failure is not { Errors.Count: > 0 } failure)
        {
            return outcome;
        }

        var errors = failure.Errors.ToDictionary(pair => ClinicItemPath(pair.Key, homeCount), pair => pair.Value, StringComparer.Ordinal);
        return Outcome.Refused<T>(failure with { Errors = errors });
    }

    private static string ClinicItemPath(string path, int homeCount)
    {
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (!path.StartsWith("items[", StringComparison.Ordinal) || close < 0
            || !int.TryParse(path.AsSpan(6, close - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < homeCount)
        {
            return path;
        }

        return string.Create(CultureInfo.InvariantCulture, $"clinicItems[{index - homeCount}]{path[(close + 1)..]}");
    }
}
