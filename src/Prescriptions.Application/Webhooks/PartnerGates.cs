using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Prescriptions.Application.Webhooks;

/// <summary>
/// Bounds the requests each recipient receives at once (<see cref="WebhookOptions.ParallelDeliveriesPerPartner"/>),
/// across every clinic and sweep of this instance: a slow receiver fills only its own gate, never the others'.
/// </summary>
public sealed class PartnerGates(IOptions<WebhookOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="delivery"/> when the recipient has a free slot.</summary>
    public async Task<T> RunAsync<T>(string recipient, Func<Task<T>> delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var limit = options.Value.ParallelDeliveriesPerPartner;
        var gate = gates.GetOrAdd(recipient, _ => new SemaphoreSlim(limit, limit));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await delivery();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }
    }
}
