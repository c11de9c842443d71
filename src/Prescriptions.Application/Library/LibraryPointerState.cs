namespace Prescriptions.Application.Library;

public enum LibraryPointerState
{
    NotPublished,
    NotModified,
    Current,
}
