namespace Prescriptions.Application.Ports;

/// <summary>
/// Something a port stands for (storage, a mail relay) cannot be reached now. Adapters throw their own subclass; the
/// HTTP layer answers 503 for any of them without knowing which adapter it was.
/// </summary>
public class ServiceUnavailableException : Exception
{
    public ServiceUnavailableException()
    {
    }

    public ServiceUnavailableException(string message)
        : base(message)
    {
    }

    public ServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
