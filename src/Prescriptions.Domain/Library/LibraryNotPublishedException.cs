namespace Prescriptions.Domain.Library;

/// <summary>No library version has been published to this environment yet.</summary>
public sealed class LibraryNotPublishedException : Exception
{
    public LibraryNotPublishedException()
        : base("No exercise library has been published yet.")
    {
    }

    public LibraryNotPublishedException(string message)
        : base(message)
    {
    }

    public LibraryNotPublishedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
