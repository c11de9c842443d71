using System.ComponentModel.DataAnnotations;
using Prescriptions.Application.Sweeps;

namespace Prescriptions.Application.Webhooks;

/// <summary>
/// The <c>Webhooks</c> section: the partners' endpoints and how deliveries are retried. A partner receives the events of
/// the clinics its <see cref="WebhookPartnerOptions.AppId"/> maps to in <c>Tenancy:AppClinics</c>.
/// </summary>
public sealed class WebhookOptions : ISweepOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The app setting the <c>DeliverWebhooks</c> timer reads its NCRONTAB schedule from (a flat name: both hosts resolve it alike).</summary>
    public const string ScheduleSetting = "WebhookDeliverySchedule";

    /// <summary>Partner name (letters, digits, '-', '_', '.'; it appears in the delivery log) -> endpoint.</summary>
    public Dictionary<string, WebhookPartnerOptions> Partners { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sweeps that may fail for one event before it is marked dead.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed sweep; it doubles with each further failure (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Quick HTTP retries of a transient failure (5xx, 408, 429, no answer) within one sweep, before the sweep gives up on the event.</summary>
    public int RetriesPerSweep { get; set; } = 2;

    /// <summary>The first of those retries' waits (exponential with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one delivery may take, retries included.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sweep holds an event it is delivering; longer than <see cref="DeliveryTimeout"/> times the partners of a clinic.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events read in one page of a clinic's outbox (a sweep reads page after page while events are due).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Lanes swept at once (clinics).</summary>
    [Range(1, 64)]
    public int ParallelLanes { get; set; } = 8;

    /// <summary>Events of one page worked on at once.</summary>
    [Range(1, 64)]
    public int ParallelWork { get; set; } = 16;

    /// <summary>How long one sweep may keep reading pages of due events (the timer's next run picks up the rest).</summary>
    public TimeSpan SweepTimeBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long a clinic's lane that delivered in this sweep keeps looking for new events once none is due (every quarter
    /// second): during a partner's import or a busy hour an event goes out within a moment of its commit, not at the
    /// timer's next run. A quiet clinic's lane ends at its first empty page.
    /// </summary>
    public TimeSpan IdleGrace { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Requests one partner receives at once, across all clinics and sweeps of this instance: one slow receiver holds only its own.</summary>
    [Range(1, 64)]
    public int ParallelDeliveriesPerPartner { get; set; } = 8;
}
