namespace Prescriptions.Portal.Api;

/// <summary>The external load of a dose (openapi.json's Load); kilograms is the API's own conversion, ignored when sent back.</summary>
public sealed record DoseLoad(string Kind, double? Value, string? Band, double? Kilograms);
