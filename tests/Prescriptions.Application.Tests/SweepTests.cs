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
        private readonly Lock gate = new();

        public List<Work> Due { get; } = [];
        public Dictionary<string, List<Work>> DueByLane { get; } = [];
        public HashSet<string> Unclaimable { get; } = [];
        public HashSet<string> Failing { get; } = [];
        public HashSet<string> Throwing { get; } = [];
        public Dictionary<string, Task> Blocking { get; } = [];
        public List<(string Id, int Attempts, DateTimeOffset DueAt)> Retried { get; } = [];
        public List<(string Id, int Attempts, string Reason)> Dead { get; } = [];
        public List<string> Finished { get; } = [];
        public int Pages { get; private set; }
        public Action<Work>? OnAct { get; init; }

        public SweepSettings Settings => settings;

        public IReadOnlyList<string> Lanes => DueByLane.Count == 0 ? ["only"] : [.. DueByLane.Keys];

        public Task<IReadOnlyList<Work>> ListDueAsync(string lane, DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                Pages++;
                var due = DueByLane.GetValueOrDefault(lane) ?? Due;
                return Task.FromResult<IReadOnlyList<Work>>([.. due.Take(maxCount)]);
            }
        }

        public Task<SweepOutcome?> SettleUnclaimedAsync(Work work, CancellationToken cancellationToken)
        {
            var dropped = work.Id.StartsWith("unwanted", StringComparison.Ordinal);
            if (dropped)
            {
                Remove(work);
            }

            return Task.FromResult<SweepOutcome?>(dropped ? SweepOutcome.Dropped : null);
        }

        /// <summary>Whether a page is claimed in one write (all or none), as the outbox does.</summary>
        public bool ClaimsPages { get; init; }
        public int PageClaims { get; private set; }
        public int SingleClaims { get; private set; }

        // A claimed piece is no longer due (its lease), as in the stores; an unclaimable one is another sweep's, under its lease.
        public Task<Work?> TryClaimAsync(Work work, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                SingleClaims++;
            }

            Remove(work);
            return Task.FromResult(Unclaimable.Contains(work.Id) ? null : work);
        }

        public Task<IReadOnlyList<Work>?> TryClaimAllAsync(IReadOnlyList<Work> works, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                PageClaims++;
            }

            if (!ClaimsPages || works.Any(w => Unclaimable.Contains(w.Id)))
            {
                return Task.FromResult<IReadOnlyList<Work>?>(null);
            }

            foreach (var work in works)
            {
                Remove(work);
            }

            return Task.FromResult<IReadOnlyList<Work>?>(works);
        }

        public async Task<SweepAct<Work>> ActAsync(Work claimed, int attempt, CancellationToken cancellationToken)
        {
            OnAct?.Invoke(claimed);
            if (Blocking.TryGetValue(claimed.Id, out var wait))
            {
                await wait;
            }

            lock (gate)
            {
                Finished.Add(claimed.Id);
            }

            return Throwing.Contains(claimed.Id) ? throw new InvalidOperationException("storage trouble")
                : Failing.Contains(claimed.Id) ? SweepActs.Failed(claimed, "refused") : SweepActs.Settled<Work>(SweepOutcome.Done);
        }

        public Task<bool> TryRetryLaterAsync(Work failed, int attempts, DateTimeOffset dueAt, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                Retried.Add((failed.Id, attempts, dueAt));
            }

            return Task.FromResult(true);
        }

        public Task<bool> TryDeadLetterAsync(Work failed, int attempts, string reason, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                Dead.Add((failed.Id, attempts, reason));
            }

            return Task.FromResult(true);
        }

        public string Describe(Work work) => work.Id;

        private void Remove(Work work)
        {
            lock (gate)
            {
                Due.Remove(work);
                foreach (var lane in DueByLane.Values)
                {
                    lane.Remove(work);
                }
            }
        }
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
    public async Task A_sweep_reads_page_after_page_while_work_is_due()
    {
        var strategy = new Scripted(new SweepSettings(2, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero));
        strategy.Due.AddRange([new("a"), new("b"), new("c"), new("d"), new("e")]);

        var counts = await new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(5, counts[SweepOutcome.Done]);
        Assert.Equal(4, strategy.Pages); // 2 + 2 + 1, and the empty page that ends it
    }

    [Fact]
    public async Task Work_that_falls_due_while_a_sweep_runs_is_taken_by_that_sweep()
    {
        var arrivals = new Queue<Work>([new("arrived-1"), new("arrived-2"), new("arrived-3")]);
        Scripted? strategy = null;
        // Each act brings one more piece due (a partner's import under way), fewer than a page at any time.
        strategy = new Scripted(new SweepSettings(10, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero))
        {
            OnAct = _ =>
            {
                lock (arrivals)
                {
                    if (arrivals.TryDequeue(out var next))
                    {
                        strategy!.Due.Add(next);
                    }
                }
            },
        };
        strategy.Due.Add(new("first"));

        var counts = await new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(4, counts[SweepOutcome.Done]);
        Assert.Equal(["first", "arrived-1", "arrived-2", "arrived-3"], strategy.Finished);
        Assert.Empty(strategy.Due);
    }

    [Fact]
    public async Task A_page_is_claimed_in_one_write_where_the_store_can()
    {
        var strategy = new Scripted(new SweepSettings(10, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero)) { ClaimsPages = true };
        strategy.Due.AddRange([new("a"), new("b"), new("c"), new("unwanted-d"), new("e")]);

        var counts = await new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal((4, 1), (counts[SweepOutcome.Done], counts[SweepOutcome.Dropped]));
        Assert.Equal((1, 0), (strategy.PageClaims, strategy.SingleClaims)); // the unwanted one needed no claim
        Assert.Equal(["a", "b", "c", "e"], strategy.Finished.Order());
    }

    [Fact]
    public async Task A_page_claim_refused_because_another_sweep_took_one_falls_back_to_claims_one_by_one()
    {
        var strategy = new Scripted(new SweepSettings(10, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero)) { ClaimsPages = true };
        strategy.Due.AddRange([new("a"), new("taken"), new("c")]);
        strategy.Unclaimable.Add("taken");

        var counts = await new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal((2, 1), (counts[SweepOutcome.Done], counts[SweepOutcome.Skipped]));
        Assert.Equal((1, 3), (strategy.PageClaims, strategy.SingleClaims));
        Assert.Equal(["a", "c"], strategy.Finished.Order());
    }

    [Fact]
    public async Task A_page_that_makes_no_progress_ends_the_sweep()
    {
        var strategy = new Scripted(new SweepSettings(2, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero));
        strategy.Due.AddRange([new("x"), new("y"), new("z")]);
        strategy.Unclaimable.UnionWith(["x", "y", "z"]);

        var counts = await new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(2, counts[SweepOutcome.Skipped]);
        Assert.Equal(1, strategy.Pages);
    }

    [Fact]
    public async Task A_sweep_stops_reading_pages_when_its_time_budget_is_spent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var settings = new SweepSettings(1, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero) { TimeBudget = TimeSpan.FromSeconds(10) };
        var strategy = new Scripted(settings) { OnAct = _ => clock.Advance(TimeSpan.FromSeconds(4)) };
        strategy.Due.AddRange([new("1"), new("2"), new("3"), new("4"), new("5")]);

        var counts = await new Sweep<Work>(strategy, clock, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(3, counts[SweepOutcome.Done]); // 4 s, 8 s, 12 s: no page after the budget
        Assert.Equal(2, strategy.Due.Count);
    }

    [Fact]
    public async Task A_slow_lane_never_holds_up_the_others()
    {
        var settings = new SweepSettings(10, TimeSpan.FromMinutes(5), 3, TimeSpan.Zero, TimeSpan.Zero) { ParallelLanes = 2, ParallelWork = 4 };
        var strategy = new Scripted(settings);
        var slow = new TaskCompletionSource();
        strategy.DueByLane["slow-clinic"] = [new("slow-1"), new("slow-2")];
        strategy.DueByLane["quick-clinic"] = [new("quick-1"), new("quick-2"), new("quick-3")];
        strategy.Blocking["slow-1"] = slow.Task;
        strategy.Blocking["slow-2"] = slow.Task;

        var sweep = new Sweep<Work>(strategy, TimeProvider.System, NullLogger<Sweep<Work>>.Instance).RunAsync(CancellationToken.None);
        while (strategy.Finished.Count < 3)
        {
            Assert.False(sweep.IsCompleted);
            await Task.Delay(10);
        }

        Assert.Equal(["quick-1", "quick-2", "quick-3"], strategy.Finished.Order());
        slow.SetResult();
        Assert.Equal(5, (await sweep)[SweepOutcome.Done]);
    }
}
