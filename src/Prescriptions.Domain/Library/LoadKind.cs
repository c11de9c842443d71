namespace Prescriptions.Domain.Library;

public enum LoadKind
{
    BodyWeight,
    Kg,
    Lb,
    Band,
    Percent1rm,
}
