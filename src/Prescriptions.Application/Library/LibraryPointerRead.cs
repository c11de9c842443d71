namespace Prescriptions.Application.Library;

/// <summary>The answer to a conditional read of the current pointer.</summary>
public sealed record LibraryPointerRead(LibraryPointerState State, LibraryPointer? Current = null, string? ETag = null)
{
    public static LibraryPointerRead NotPublished { get; } = new(LibraryPointerState.NotPublished);
    public static LibraryPointerRead NotModified { get; } = new(LibraryPointerState.NotModified);
}
