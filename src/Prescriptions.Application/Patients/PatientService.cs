using Prescriptions.Application.Outcomes;
using Prescriptions.Application.Ports;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Patients;

namespace Prescriptions.Application.Patients;

/// <summary>
/// The registered patients of the caller's clinics: register, read, update (naming the version read), search by name
/// or EHR id, and erase with everything about them. Another clinic's patient is simply not found.
/// </summary>
public sealed class PatientService(IPatientDirectory directory, IPatientErasure erasure, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    public async Task<Outcome<Versioned<Patient>>> RegisterAsync(string clinicId, PatientDetails details, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            return await directory.CreateAsync(Patient.Register(Patient.NewId(), clinicId, details, actor.Subject, clock.GetUtcNow()), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return DuplicateExternalId(details);
        }
    }

    public async Task<Outcome<Versioned<Patient>>> FindAsync(IReadOnlyList<string> clinicIds, string patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        if (Patient.IsWellFormedId(patientId))
        {
            foreach (var clinicId in clinicIds)
            {
                if (await directory.FindAsync(clinicId, patientId, cancellationToken) is { } found)
                {
                    return found;
                }
            }
        }

        return Failure.NotFound($"No patient '{patientId}'.");
    }

    /// <summary>The registered patient a prescription names, or null when it names a patient known only by an EHR's id.</summary>
    public async Task<Patient?> FindRegisteredAsync(string clinicId, string patientId, CancellationToken cancellationToken) =>
        Patient.IsWellFormedId(patientId) && await directory.FindAsync(clinicId, patientId, cancellationToken) is { } found ? found.Value : null;

    /// <summary>Replaces the details when <paramref name="ifMatch"/> is the patient's current ETag.</summary>
    public async Task<Outcome<Versioned<Patient>>> UpdateAsync(IReadOnlyList<string> clinicIds, string patientId, string ifMatch, PatientDetails details, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await FindAsync(clinicIds, patientId, cancellationToken);
        if (found.Value is not { } stored)
        {
            return found;
        }

        if (ifMatch != "*" && !string.Equals(ifMatch, stored.Value.ETag, StringComparison.Ordinal))
        {
            return Failure.StaleVersion();
        }

        try
        {
            return await directory.ReplaceAsync(stored, stored.Value.Update(details, actor.Subject, clock.GetUtcNow()), cancellationToken);
        }
        catch (StaleVersionException)
        {
            return Failure.StaleVersion();
        }
        catch (ConcurrencyConflictException)
        {
            return DuplicateExternalId(details);
        }
    }

    /// <summary>By the EHR's id exactly when given, otherwise by name prefix (case and accents aside).</summary>
    public async Task<Outcome<ResultPage<Patient>>> SearchAsync(string clinicId, string? text, string? externalId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(externalId))
        {
            return await directory.FindByExternalIdAsync(clinicId, externalId, cancellationToken) is { } patient
                ? new ResultPage<Patient>([patient], null)
                : new ResultPage<Patient>([], null);
        }

        if (text is { Length: > MaxQueryLength })
        {
            return Failure.Validation("q", $"must be at most {MaxQueryLength} characters");
        }

        if (PatientNameQuery.Parse(text) is not { } query)
        {
            return Failure.Validation("q", "must hold a name (or part of one) to search for, or give externalId");
        }

        try
        {
            return await directory.SearchAsync(clinicId, query, pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Failure.Validation("continuationToken", "is not a token this API issued");
        }
    }

    /// <summary>
    /// Erases the patient (registered, or an EHR id that has prescriptions) and everything about them; a repeated call
    /// resumes an erasure under way. Not found when the caller's clinics hold nothing about the id.
    /// </summary>
    public async Task<Outcome<ErasureTombstone>> EraseAsync(IReadOnlyList<string> clinicIds, string patientId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicIds);
        ArgumentNullException.ThrowIfNull(actor);
        foreach (var clinicId in clinicIds)
        {
            if (await erasure.HoldsAnythingAsync(clinicId, patientId, cancellationToken))
            {
                var started = new PatientErasure(PatientErasure.NewId(), patientId, actor.Subject, clock.GetUtcNow());
                return await erasure.EraseAsync(clinicId, started, cancellationToken);
            }
        }

        return Failure.NotFound($"No patient '{patientId}'.");
    }

    private static Failure DuplicateExternalId(PatientDetails details) =>
        Failure.Conflict($"Another patient of the clinic has the EHR id '{details.ExternalId}'.") with
        {
            Errors = new Dictionary<string, string[]> { ["externalId"] = ["already names another patient of the clinic"] },
        };
}
