namespace Prescriptions.Application.Ports;

/// <summary>A write named a version (ETag) that is no longer the stored one: somebody else changed it first.</summary>
public sealed class StaleVersionException : Exception
{
    public StaleVersionException()
    {
    }

    public StaleVersionException(string message)
        : base(message)
    {
    }

    public StaleVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
