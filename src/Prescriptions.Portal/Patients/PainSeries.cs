using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Patients;

/// <summary>
/// The pain chart's points: the check-ins oldest first, placed by their day between the first and the last one, with
/// pain now and pain during exercise on the 0-10 scale (higher is worse, drawn higher).
/// </summary>
public static class PainSeries
{
    public const double PlotWidth = 300;
    public const double PlotHeight = 100;

    public static IReadOnlyList<PainPoint> Of(IReadOnlyList<PatientCheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var ordered = checkIns.OrderBy(checkIn => checkIn.Date).ToArray();
        if (ordered.Length == 0)
        {
            return [];
        }

        var first = ordered[0].Date.DayNumber;
        var span = Math.Max(1, ordered[^1].Date.DayNumber - first);
        return [.. ordered.Select(checkIn => new PainPoint(
            checkIn.Date,
            checkIn.PainNow,
            checkIn.PainDuringExercise,
            ordered.Length == 1 ? PlotWidth / 2 : PlotWidth * (checkIn.Date.DayNumber - first) / span,
            Y(checkIn.PainNow),
            Y(checkIn.PainDuringExercise)))];
    }

    /// <summary>The SVG polyline of one measure through the points.</summary>
    public static string Line(IEnumerable<PainPoint> points, Func<PainPoint, double> y) =>
        string.Join(' ', points.Select(point => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{point.X:0.#},{y(point):0.#}")));

    private static double Y(int pain) => PlotHeight - (PlotHeight * Math.Clamp(pain, 0, 10) / 10);
}
