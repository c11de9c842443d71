namespace Prescriptions.Domain.Assembly;

/// <summary>Who put an item in the program: re-assembly keeps a therapist's choices where they are still safe.</summary>
public enum ItemSource
{
    Engine,
    Therapist,
}
