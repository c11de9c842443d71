namespace Prescriptions.Application.Outcomes;

/// <summary>Builds <see cref="Outcome{T}"/> values where an implicit conversion would not read well.</summary>
public static class Outcome
{
    public static Outcome<T> Success<T>(T value) => new(value, null);

    public static Outcome<T> Refused<T>(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));
}
