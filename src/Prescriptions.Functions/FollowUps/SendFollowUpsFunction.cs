using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Prescriptions.Application.FollowUps;

namespace Prescriptions.Functions.FollowUps;

/// <summary>Sends the due follow-up messages on the <c>FollowUpSendSchedule</c> (NCRONTAB) schedule.</summary>
public sealed partial class SendFollowUpsFunction(FollowUpSweeper sweeper, ILogger<SendFollowUpsFunction> logger)
{
    public const string Name = "SendFollowUps";

    [Function(Name)]
    public async Task Run([TimerTrigger("%" + FollowUpOptions.ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var sweep = await sweeper.SweepAsync(cancellationToken);
        // A sweep that found nothing runs every minute: only one that did something is worth a line at the default level.
        var level = sweep.Sent + sweep.Retrying + sweep.Failed + sweep.Dropped + sweep.Skipped + sweep.Watched == 0 ? LogLevel.Debug : LogLevel.Information;
        LogSweep(level, sweep.Sent, sweep.Retrying, sweep.Failed, sweep.Dropped, sweep.Skipped, sweep.Watched);
    }

    [LoggerMessage(Message = "Follow-up sweep: {Sent} sent, {Retrying} to retry, {Failed} failed, {Dropped} no longer planned, {Skipped} taken by another sweep, {Watched} check-in watches")]
    private partial void LogSweep(LogLevel level, int sent, int retrying, int failed, int dropped, int skipped, int watched);
}
