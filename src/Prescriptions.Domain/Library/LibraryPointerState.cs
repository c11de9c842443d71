namespace Prescriptions.Domain.Library;

public enum LibraryPointerState
{
    NotPublished,
    NotModified,
    Current,
}
