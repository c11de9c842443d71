namespace Prescriptions.Application.Outcomes;

/// <summary>What a use case answers: its value, or the <see cref="Failure"/> that says why not. No exceptions for expected refusals.</summary>
public readonly record struct Outcome<T>
{
    internal Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    /// <summary>The same refusal as another type's outcome.</summary>
    public Outcome<TOther> Cast<TOther>() => new(default, Failure ?? throw new InvalidOperationException("A successful outcome has no refusal to pass on."));

#pragma warning disable CA2225 // The named alternatives are Outcome.Success and Outcome.Refused.
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));
#pragma warning restore CA2225
}
