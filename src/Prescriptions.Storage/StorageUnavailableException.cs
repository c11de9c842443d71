using Prescriptions.Application.Ports;

namespace Prescriptions.Storage;

/// <summary>Storage could not be reached or answered with a server error after the SDK's own retries.</summary>
public sealed class StorageUnavailableException : ServiceUnavailableException
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
