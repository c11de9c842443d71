namespace Prescriptions.Domain.Library;

/// <summary>The external load of a dose. <see cref="Band"/> names the band colour when <see cref="Kind"/> is band.</summary>
public sealed record Load(LoadKind Kind, double? Value = null, string? Band = null)
{
    private const double KgPerLb = 0.45359237;

    /// <summary>The load in kilograms when it is a weight; null for body weight, bands and percentages.</summary>
    public double? Kilograms => Kind switch
    {
        LoadKind.Kg => Value,
        LoadKind.Lb => Value * KgPerLb,
        _ => null,
    };
}
