namespace Prescriptions.Domain.Library;

/// <summary>
/// Weight through the affected limb, ordered from least to most. An exercise declares what it puts
/// through the limb; a phase or patient declares what is allowed. An exercise fits when its value is
/// at most the allowed one.
/// </summary>
public enum WeightBearing
{
    None = 0,
    ToeTouch = 1,
    Partial = 2,
    AsTolerated = 3,
    Full = 4,
}
