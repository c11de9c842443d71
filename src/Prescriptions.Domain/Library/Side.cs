namespace Prescriptions.Domain.Library;

public enum Side
{
    Left,
    Right,
    EachSide,
    Both,
}
