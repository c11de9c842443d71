namespace Prescriptions.Domain.Library;

/// <summary>An illustration of an exercise, stored in Blob Storage, with the licence that allows us to show it.</summary>
public sealed record Media(string BlobPath, MediaKind Type, string AltText, string License, string Attribution);
