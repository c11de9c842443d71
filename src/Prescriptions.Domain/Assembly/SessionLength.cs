namespace Prescriptions.Domain.Assembly;

/// <summary>How long a session of home items takes, in whole minutes rounded up (the figure patients and budgets see).</summary>
public static class SessionLength
{
    public static int Minutes(double seconds) => (int)Math.Ceiling(seconds / 60.0);

    public static int Minutes(IEnumerable<PrescriptionItem> homeItems) => Minutes(homeItems.Sum(i => i.Dose.EstimatedSeconds));
}
