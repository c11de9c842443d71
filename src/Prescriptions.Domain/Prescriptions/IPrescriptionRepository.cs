namespace Prescriptions.Domain.Prescriptions;

/// <summary>Where prescriptions are kept, one partition per clinic. Every write is all-or-nothing.</summary>
public interface IPrescriptionRepository
{
    /// <summary>Stores a new prescription; throws <see cref="ConcurrencyConflictException"/> if the id exists.</summary>
    Task<Versioned<Prescription>> CreateAsync(Prescription prescription, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a stored prescription if its ETag is still <paramref name="ifMatch"/>; otherwise throws
    /// <see cref="StaleVersionException"/>, so two writers can never both win.
    /// </summary>
    Task<Versioned<Prescription>> ReplaceAsync(Prescription prescription, string ifMatch, CancellationToken cancellationToken);

    /// <summary>The prescription with its ETag, or null when the clinic has no prescription with that id.</summary>
    Task<Versioned<Prescription>?> FindAsync(string clinicId, string prescriptionId, CancellationToken cancellationToken);
}
