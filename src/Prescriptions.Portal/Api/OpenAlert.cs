namespace Prescriptions.Portal.Api;

/// <summary>An open alert (openapi.json's Alert): the worklist line carries its kind, the alert its id to acknowledge.</summary>
public sealed record OpenAlert(string Id, string PrescriptionId, string Kind, string Message);
