namespace Prescriptions.Application.Ports;

/// <summary>A continuation token that this API did not issue (or that storage no longer accepts).</summary>
public sealed class InvalidContinuationTokenException : Exception
{
    public InvalidContinuationTokenException()
    {
    }

    public InvalidContinuationTokenException(string message)
        : base(message)
    {
    }

    public InvalidContinuationTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
