namespace Prescriptions.Storage.FollowUps;

public sealed class FollowUpStorageOptions
{
    public const string SectionName = "FollowUps";

    public string TableName { get; set; } = "followups";

    /// <summary>How far back a sweep looks for messages still waiting (failed sends rescheduled into later buckets leave none behind).</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(48);
}
