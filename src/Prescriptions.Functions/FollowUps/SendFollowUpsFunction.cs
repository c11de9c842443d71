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
        LogSweep(sweep.Sent, sweep.Retrying, sweep.Failed, sweep.Dropped, sweep.Skipped, sweep.Watched);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up sweep: {Sent} sent, {Retrying} to retry, {Failed} failed, {Dropped} no longer planned, {Skipped} taken by another sweep, {Watched} check-in watches")]
    private partial void LogSweep(int sent, int retrying, int failed, int dropped, int skipped, int watched);
}
