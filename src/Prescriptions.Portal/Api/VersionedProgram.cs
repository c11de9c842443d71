namespace Prescriptions.Portal.Api;

/// <summary>A stored program and the ETag its answer carried: a later change sends it as If-Match.</summary>
public sealed record VersionedProgram(StoredProgram Program, string ETag);
