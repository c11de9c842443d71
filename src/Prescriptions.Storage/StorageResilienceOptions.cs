using System.ComponentModel.DataAnnotations;

namespace Prescriptions.Storage;

/// <summary>
/// How long the app waits for storage (section <c>PrescriptionsStorage</c>, beside the connection settings). The SDK's
/// own retry is bounded by <see cref="NetworkTimeout"/> and <see cref="MaxRetries"/>; every HTTP request's storage calls
/// together are bounded by <see cref="RequestBudget"/>, after which the API answers 503 with Retry-After.
/// </summary>
public sealed class StorageResilienceOptions
{
    public const string SectionName = StorageServiceCollectionExtensions.StorageSection;

    /// <summary>The total time one HTTP request may spend waiting on storage (the health probe uses most of it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan RequestBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long one try of one storage call may take before the SDK gives up on it (and retries).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:00:30")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The SDK's retries of a failed or timed-out storage call (exponential from 200 ms, at most 1 s apart).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;
}
