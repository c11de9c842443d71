using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.Sweeps;

namespace Prescriptions.Application.Tests;

/// <summary>The one sweep loop, with a scripted strategy: claim, act, retry with backoff, dead-letter, and isolation of failures.</summary>
public sealed class SweepTests
{
    private sealed record Work(string Id, int Attempts = 0) : ISweepWork;

    private sealed class Scripted(SweepSettings settings) : ISweepStrategy<Work>
    {
        public List<Work> Due { get; } = [];
        public HashSet<string> Unclaimable { get; } = [];
        public HashSet<string> Failing { get; } = [];
        public HashSet<string> Throwing { get; } = [];
        public List<(string Id, int Attempts, DateTimeOffset DueAt)> Retried { get; } = [];
        public List<(string Id, int Attempts, string Reason)> Dead { get; } = [];

        public SweepSettings Settings => settings;

        public Task<IReadOnlyList<Work>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Work>>([.. Due.Take(maxCount)]);

        public Task<SweepOutcome?> SettleUnclaimedAsync(Work work, CancellationToken cancellationToken) =>
            Task.FromResult<SweepOutcome?>(work.Id.StartsWith("unwanted", StringComparison.Ordinal) ? SweepOutcome.Dropped : null);

        public Task<Work?> TryClaimAsync(Work work, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
            Task.FromResult(Unclaimable.Contains(work.Id) ? null : work);

        public Task<SweepAct<Work>> ActAsync(Work claimed, int attempt, CancellationToken cancellationToken) =>
            Throwing.Contains(claimed.Id) ? throw new InvalidOperationException("storage trouble")
            : Task.FromResult(Failing.Contains(claimed.Id) ? SweepActs.Failed(claimed, "refused") : SweepActs.Settled<Work>(SweepOutcome.Done));

        public Task<bool> TryRetryLaterAsync(Work failed, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken)
        {
            Retried.Add((failed.Id, attempts, dueAt));
            return Task.FromResult(true);
        }

        public Task<bool> TryDeadLetterAsync(Work failed, int attempts, string reason, CancellationToken cancellationToken)
        {
            Dead.Add((failed.Id, attempts, reason));
            return Task.FromResult(true);
        }

        public string Describe(Work work) => work.Id;
    }

    [Fact]
    public async Task Each_piece_of_work_gets_one_outcome_and_one_failure_never_stops_the_others()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var strategy = new Scripted(new SweepSettings(10, TimeSpan.FromMinutes(5), 3, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
        strategy.Due.AddRange([new("ok"), new("unwanted"), new("taken"), new("broken"), new("flaky"), new("hopeless", Attempts: 2)]);
        strategy.Unclaimable.Add("taken");
        strategy.Throwing.Add("broken");
        strategy.Failing.UnionWith(["flaky", "hopeless"]);

        var counts = await new Sweep<Work>(strategy, clock, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal((1, 1, 2, 1, 1), (counts[SweepOutcome.Done], counts[SweepOutcome.Dropped], counts[SweepOutcome.Skipped], counts[SweepOutcome.Retrying], counts[SweepOutcome.Dead]));
        var retried = Assert.Single(strategy.Retried);
        Assert.Equal(("flaky", 1), (retried.Id, retried.Attempts));
        Assert.InRange(retried.DueAt - clock.GetUtcNow(), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        Assert.Equal(("hopeless", 3, "refused"), Assert.Single(strategy.Dead));
    }

    [Fact]
    public async Task A_sweep_reads_at_most_its_batch()
    {
        var strategy = new Scripted(new SweepSettings(2, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero));
        strategy.Due.AddRange([new("a"), new("b"), new("c")]);

        var counts = await new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(2, counts[SweepOutcome.Done]);
    }
}
