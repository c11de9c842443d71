using System.Collections.Concurrent;
using Prescriptions.Application.FollowUps;

namespace Prescriptions.Functions.Tests.FollowUps;

/// <summary>An SMTP relay stand-in for time-driven tests: records what was sent and when (by the test's clock), and can refuse.</summary>
public sealed class RecordingEmailSender(TimeProvider clock) : IEmailSender
{
    private readonly ConcurrentQueue<(EmailMessage Message, DateTimeOffset At)> sent = new();
    private int attempts;

    public IReadOnlyList<(EmailMessage Message, DateTimeOffset At)> Sent => [.. sent];

    public int Attempts => attempts;

    /// <summary>When set, every send throws, as an unreachable relay does.</summary>
    public bool Refuse { get; set; }

    /// <summary>How long a send takes, so that overlapping sweeps really overlap.</summary>
    public TimeSpan Delay { get; set; }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Refuse)
        {
            throw new IOException("The relay refused the connection.");
        }

        sent.Enqueue((message, clock.GetUtcNow()));
    }
}
