using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Prescriptions.Application.Webhooks;

namespace Prescriptions.Functions.Webhooks;

/// <summary>Delivers the outbox's partner events on the <c>WebhookDeliverySchedule</c> (NCRONTAB) schedule.</summary>
public sealed partial class DeliverWebhooksFunction(WebhookDispatcher dispatcher, ILogger<DeliverWebhooksFunction> logger)
{
    public const string Name = "DeliverWebhooks";

    [Function(Name)]
    public async Task Run([TimerTrigger("%" + WebhookOptions.ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var sweep = await dispatcher.SweepAsync(cancellationToken);
        // A sweep that found nothing runs every few seconds: only one that did something is worth a line at the default level.
        var level = sweep.Delivered + sweep.Retrying + sweep.Dead + sweep.Dropped + sweep.Skipped == 0 ? LogLevel.Debug : LogLevel.Information;
        LogSweep(level, sweep.Delivered, sweep.Retrying, sweep.Dead, sweep.Dropped, sweep.Skipped);
    }

    [LoggerMessage(Message = "Webhook sweep: {Delivered} delivered, {Retrying} to retry, {Dead} dead, {Dropped} without subscriber, {Skipped} taken by another sweep")]
    private partial void LogSweep(LogLevel level, int delivered, int retrying, int dead, int dropped, int skipped);
}
