namespace Prescriptions.Domain.Library;

/// <summary>
/// A measurable gate for entering or leaving a phase, such as pain at rest &lt;= 2 (NRS) or
/// quadriceps symmetry &gt;= 80 (percent). <see cref="Measure"/> is a camelCase measure name.
/// </summary>
public sealed record Criterion(string Measure, Comparator Comparator, double Threshold, string Unit, string? Description = null)
{
    public bool IsMetBy(double value) => Comparator switch
    {
        Comparator.Lt => value < Threshold,
        Comparator.Lte => value <= Threshold,
        Comparator.Eq => Math.Abs(value - Threshold) < 1e-9,
        Comparator.Gte => value >= Threshold,
        Comparator.Gt => value > Threshold,
        _ => false,
    };
}
