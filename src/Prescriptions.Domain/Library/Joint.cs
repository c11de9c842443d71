namespace Prescriptions.Domain.Library;

public enum Joint
{
    Ankle,
    Knee,
    Hip,
    LumbarSpine,
    ThoracicSpine,
    CervicalSpine,
    Shoulder,
    Elbow,
    Wrist,
    Fingers,
    Thumb,
}
