namespace Prescriptions.Application.Sweeps;

/// <summary>A piece of due work as a sweep reads it: how many attempts failed before this one.</summary>
public interface ISweepWork
{
    int Attempts { get; }
}
