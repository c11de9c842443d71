namespace Prescriptions.Storage.Library;

public sealed class LibraryStorageOptions
{
    public const string SectionName = "Library";

    /// <summary>The blob container that holds the published versions and the current pointer.</summary>
    public string ContainerName { get; set; } = "library";

    /// <summary>How long a loaded library is trusted before the pointer is checked again (a conditional read).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
