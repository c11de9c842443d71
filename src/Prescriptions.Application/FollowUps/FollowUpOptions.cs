using System.ComponentModel.DataAnnotations;
using Prescriptions.Application.Sweeps;

namespace Prescriptions.Application.FollowUps;

/// <summary>
/// The <c>FollowUps</c> section: how patients' messages are sent and checked in, and when therapists are alerted.
/// The signing key is a secret (Key Vault in Azure).
/// </summary>
public sealed class FollowUpOptions : ISweepOptions
{
    public const string SectionName = "FollowUps";

    /// <summary>The app setting the <c>SendFollowUps</c> timer reads its NCRONTAB schedule from.</summary>
    public const string ScheduleSetting = "FollowUpSendSchedule";

    /// <summary>Signs check-in links (HMAC-SHA256): at least 32 characters, used as UTF-8 bytes. Changing it voids every link sent.</summary>
    [Required]
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>The absolute base address patients' links point to, e.g. <c>https://func-rx.azurewebsites.net</c>.</summary>
    [Required]
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Clinic id -> the address that receives that clinic's alerts by email (optional; webhooks always get them).</summary>
    public Dictionary<string, string> ClinicAlertEmails { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="ClinicAlertEmails"/> as one setting, <c>clinic-a=alerts@clinic-a.example;clinic-b=...</c> (how Azure app settings carry it).</summary>
    public string? ClinicAlertEmailsEntries { get; set; }

    /// <summary>Sends that may fail for one message before it is marked failed and an alert raised.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed send; it doubles with each further failure (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sweep holds a message it is sending before another sweep may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages read in one page (a sweep reads page after page while messages are due).</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Days without a check-in (while active, after the first request was due) that raise an alert.</summary>
    [Range(1, 60)]
    public int NoCheckInAlertDays { get; set; } = 10;

    /// <summary>How long a check-in link stays valid after the message carrying it was sent.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(21);

    /// <summary>The schedule's table.</summary>
    public string TableName { get; set; } = "followups";

    /// <summary>How far back a sweep looks for messages still waiting (failed sends rescheduled into later buckets leave none behind).</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Lanes swept at once.</summary>
    [Range(1, 64)]
    public int ParallelLanes { get; set; } = 1;

    /// <summary>Messages of one page worked on at once.</summary>
    [Range(1, 64)]
    public int ParallelWork { get; set; } = 4;

    /// <summary>How long one sweep may keep reading pages of due messages (the timer's next run picks up the rest).</summary>
    public TimeSpan SweepTimeBudget { get; set; } = TimeSpan.FromMinutes(4);
}
