namespace Prescriptions.Domain.Library;

public enum Position
{
    Supine,
    Prone,
    SideLying,
    Sitting,
    Standing,
    Kneeling,
    HalfKneeling,
    Quadruped,
    Walking,
}
