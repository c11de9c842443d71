using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Storage.FollowUps;

namespace Prescriptions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableFollowUpScheduleTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 17, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(50)]
    [InlineData(200)]
    public async Task With_ten_thousand_scheduled_a_sweep_reads_what_is_due_and_not_the_rest(int dueCount)
    {
        var counter = new EntityCountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var name = "fu" + Guid.NewGuid().ToString("N")[..12];
        var schedule = new TableFollowUpSchedule(new TableServiceClient(azurite.Emulator.ConnectionString, options), Options.Create(new FollowUpOptions { TableName = name }));
        var due = Enumerable.Range(0, dueCount).Select(i => Pending($"due-{i}", Now.AddMinutes(-i * 0.5))).ToList();

        // The rest is later: some within the current hour's bucket, most over the next 30 days.
        var later = Enumerable.Range(0, 10_000 - dueCount).Select(i => Pending($"later-{i}", Now.AddMinutes(1 + (i * 4.3)))).ToList();
        await schedule.AddAsync([.. due, .. later], CancellationToken.None);
        counter.Reset();

        var found = await schedule.ListDueAsync(Now, 500, CancellationToken.None);

        Assert.Equal(due.Select(d => d.Message.Id).Order(), found.Select(f => f.Message.Id).Order());
        Assert.InRange(counter.EntitiesRead, dueCount, dueCount + 10);
    }

    [Fact]
    public async Task A_removed_message_is_not_due_again_and_adding_twice_keeps_one()
    {
        var schedule = new TableFollowUpSchedule(azurite.Tables, Options.Create(new FollowUpOptions { TableName = "fu" + Guid.NewGuid().ToString("N")[..12] }));
        var message = Pending("once", Now.AddMinutes(-5));
        await schedule.AddAsync([message], CancellationToken.None);
        await schedule.AddAsync([message], CancellationToken.None);

        var first = await schedule.ListDueAsync(Now, 10, CancellationToken.None);
        await schedule.RemoveAsync(first.Single(), CancellationToken.None);
        await schedule.RemoveAsync(first.Single(), CancellationToken.None);

        Assert.Empty(await schedule.ListDueAsync(Now, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Of_two_sweeps_claiming_one_message_one_wins_and_a_failed_send_waits_for_its_backoff()
    {
        var schedule = new TableFollowUpSchedule(azurite.Tables, Options.Create(new FollowUpOptions { TableName = "fu" + Guid.NewGuid().ToString("N")[..12] }));
        await schedule.AddAsync([Pending("claimed", Now.AddMinutes(-1))], CancellationToken.None);
        var read = (await schedule.ListDueAsync(Now, 10, CancellationToken.None)).Single();

        var claims = await Task.WhenAll(schedule.TryClaimAsync(read, Now.AddMinutes(5), CancellationToken.None), schedule.TryClaimAsync(read, Now.AddMinutes(5), CancellationToken.None));

        var claimed = Assert.Single(claims, c => c is not null)!;
        Assert.Empty(await schedule.ListDueAsync(Now.AddMinutes(4), 10, CancellationToken.None));
        Assert.True(await schedule.TryRetryLaterAsync(claimed, 1, Now.AddMinutes(10), CancellationToken.None));
        Assert.False(await schedule.TryRetryLaterAsync(claimed, 1, Now.AddMinutes(10), CancellationToken.None));
        Assert.Empty(await schedule.ListDueAsync(Now.AddMinutes(9), 10, CancellationToken.None));
        var again = Assert.Single(await schedule.ListDueAsync(Now.AddMinutes(10), 10, CancellationToken.None));
        Assert.Equal((1, "msg_claimed"), (again.Attempts, again.Message.Id));

        // Adding the plan again leaves the waiting message as it is.
        await schedule.AddAsync([Pending("claimed", Now.AddMinutes(-1))], CancellationToken.None);
        Assert.Equal(1, Assert.Single(await schedule.ListDueAsync(Now.AddMinutes(10), 10, CancellationToken.None)).Attempts);
    }

    private static PendingFollowUp Pending(string id, DateTimeOffset dueAt) =>
        new("clinic-a", "rx-1", new ScheduledFollowUp($"msg_{id}", FollowUpKind.ExerciseReminder, dueAt, DateOnly.FromDateTime(dueAt.UtcDateTime)));
}
