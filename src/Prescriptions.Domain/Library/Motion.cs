namespace Prescriptions.Domain.Library;

public enum Motion
{
    Flexion,
    Extension,
    Abduction,
    Adduction,
    InternalRotation,
    ExternalRotation,
    Rotation,
    LateralFlexion,
    Dorsiflexion,
    Plantarflexion,
    Inversion,
    Eversion,
    Pronation,
    Supination,
    RadialDeviation,
    UlnarDeviation,
}
