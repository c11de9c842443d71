namespace Prescriptions.Domain.Library;

public enum BodyRegion
{
    Foot,
    Ankle,
    Knee,
    Hip,
    LumbarSpine,
    ThoracicSpine,
    CervicalSpine,
    Core,
    Shoulder,
    Elbow,
    Wrist,
    Hand,
    WholeBody,
}
